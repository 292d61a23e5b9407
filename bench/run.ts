/**
 * `npm run bench`: hello-world and raw-libSQL baselines next to the real Node host, in one
 * run on one machine, printed as a table and appended to docs/benchmarks.md.
 * See docs/benchmarks.md for what each figure means.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Child,
  consoleTable,
  loadTest,
  type Row,
  ratio,
  startChild,
  stopAllChildren,
} from "./lib";
import { type ChildMessage, memberCount } from "./protocol";
import { appendReport, reportPath, runInfo } from "./report";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
if (!Number.isFinite(seconds) || seconds < 1 || seconds > 300) {
  console.error("BENCH_SECONDS must be a number of seconds between 1 and 300.");
  process.exit(2);
}
const warmupSeconds = 2;
const connections = 50;
const load = { connections, seconds, warmupSeconds };
/** Five benchmarks plus start-up and shutdown; past this something hangs, so give up. */
const budgetMs = 5 * (seconds + warmupSeconds) * 1000 + 120_000;

const dataDir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= stopAllChildren().finally(() => rmSync(dataDir, { recursive: true, force: true }));
  return cleaning;
}
/** Set once a signal or the time budget stops the run: the exit code to leave with. */
let aborted: number | undefined;
function abort(reason: string, code: number): void {
  // Ctrl-C reaches this process twice (the terminal's process group, then tsx relaying it):
  // handle the first, and keep the default handler from killing the cleanup on the second.
  if (aborted !== undefined) return;
  aborted = code;
  console.error(`\nbench: ${reason}; cleaning up.`);
  void cleanup().finally(() => process.exit(code));
}
process.on("SIGINT", () => abort("interrupted", 130));
process.on("SIGTERM", () => abort("terminated", 143));
setTimeout(() => abort(`still running after ${budgetMs / 1000} s`, 1), budgetMs).unref();

async function ready(child: Child): Promise<Extract<ChildMessage, { type: "ready" }>> {
  const msg = await child.message;
  if (msg.type !== "ready") throw new Error(`expected a ready message, got ${msg.type}`);
  return msg;
}

/** One request before the load: a benchmark of failing requests would measure nothing. */
async function expectOk(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { headers });
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${body.slice(0, 300)}`);
  return res.headers.get("content-type")?.includes("json") ? JSON.parse(body) : body;
}

async function main(): Promise<number> {
  const info = runInfo(load);
  console.log(`Tandem bench: ${info.cores}, Node ${info.node}, commit ${info.commit}`);
  console.log(`${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s each\n`);
  const cores = availableParallelism();
  if (info.loadAtStart > cores / 2) {
    console.warn(
      `Warning: load average ${info.loadAtStart.toFixed(2)} on ${cores} cores; ` +
        "other work on this machine will make the figures noisy.\n",
    );
  }
  const rows: Row[] = [];

  console.log("• hello-world (bare Hono on @hono/node-server)…");
  const hello = startChild(["hello"], 30_000);
  const helloUrl = `${(await ready(hello)).url}/`;
  await expectOk(helloUrl);
  rows.push(await loadTest("hello-world (bare Hono)", helloUrl, {}, load, hello));
  await hello.stop();

  console.log("• Tandem host: starting, creating a tenant with 50 members…");
  const tokenTtl = Math.ceil(budgetMs / 1000) + 600;
  const host = startChild(["tandem", dataDir, String(tokenTtl)], 60_000);
  const { url, token, tenantDbUrl } = await ready(host);
  if (!token || !tenantDbUrl) throw new Error("the Tandem child sent no token or tenant DB");
  const auth = { authorization: `Bearer ${token}` };
  const membersUrl = `${url}/v1/members?limit=25`;
  await expectOk(`${url}/healthz`);
  const page = (await expectOk(membersUrl, auth)) as { items?: unknown[]; nextCursor?: unknown };
  if (page.items?.length !== 25 || typeof page.nextCursor !== "string") {
    throw new Error(`expected 25 of ${memberCount} members and a next cursor, got ${page}`);
  }
  console.log("• GET /healthz…");
  rows.push(await loadTest("GET /healthz", `${url}/healthz`, {}, load, host));
  console.log("• GET /v1/members?limit=25 (bearer token)…");
  rows.push(await loadTest("GET /v1/members?limit=25", membersUrl, auth, load, host));
  await host.stop();

  async function rawQuery(name: string, variant: string[]): Promise<Row> {
    const args = ["libsql", tenantDbUrl!, String(seconds), String(warmupSeconds)];
    const raw = startChild([...args, String(connections), ...variant], budgetMs);
    const msg = await raw.message;
    if (msg.type !== "result") throw new Error(`expected a result, got ${msg.type}`);
    await raw.stop();
    const { result } = msg;
    return {
      name,
      perSecond: result.perSecond,
      p50: result.p50,
      p99: result.p99,
      failures: result.errors,
      failureDetail: result.firstError ?? "",
      cpuMicros: result.cpuMicros,
    };
  }
  console.log(`• raw libSQL query, ${connections} concurrent loops…`);
  rows.push(await rawQuery("raw libSQL query (queries/s)", []));
  console.log("• the same, on a statement kept prepared on the native driver…");
  rows.push(await rawQuery("prepared statement (queries/s)", ["prepared"]));

  const [helloRow, healthz, membersRow, rawRow, preparedRow] = rows as [Row, Row, Row, Row, Row];
  const ratios: [string, string][] = [
    ["healthz ÷ hello-world", ratio(healthz.perSecond, helloRow.perSecond)],
    ["members ÷ hello-world", ratio(membersRow.perSecond, helloRow.perSecond)],
    ["members ÷ raw libSQL query rate", ratio(membersRow.perSecond, rawRow.perSecond)],
    // The same comparisons by CPU cost: a query's CPU over a request's (higher is better).
    ["healthz ÷ hello-world, by CPU µs", ratio(helloRow.cpuMicros, healthz.cpuMicros)],
    ["members ÷ raw query, by CPU µs", ratio(rawRow.cpuMicros, membersRow.cpuMicros)],
    // The floor: the query alone, as cheap as libSQL runs it from Node (what the host reuses).
    ["members ÷ prepared statement rate", ratio(membersRow.perSecond, preparedRow.perSecond)],
  ];
  console.log(`\n${consoleTable(rows)}\n`);
  for (const [name, value] of ratios) console.log(`${name.padEnd(34)} ${value}`);

  const failed = rows.filter((r) => r.failures > 0);
  if (failed.length > 0) {
    console.error(`\nFAILED: ${failed.map((r) => r.name).join(", ")} saw errors or non-2xx.`);
    console.error("These figures measure failing requests; nothing was written to the docs.");
    return 1;
  }
  if (aborted !== undefined) return aborted;
  appendReport(info, rows, ratios);
  console.log(`\nAppended to ${reportPath}`);
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  // After an abort, errors are just the children going away under a request.
  if (aborted === undefined)
    console.error(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
} finally {
  await cleanup();
}
process.exit(aborted ?? code);
