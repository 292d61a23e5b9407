/**
 * `npm run bench:bulk`: how long one 500-row all-or-nothing bulk invitation takes on the Node
 * host, first with nothing else running, then while 20 other clients keep writing (single
 * invitations, each with its outbox row and audit entry) to 20 other organizations. Prints a
 * Markdown section for docs/benchmarks.md. An observation, never a threshold.
 */
import { execFileSync, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const runs = Number(process.env.BENCH_RUNS ?? 5);
const others = 20;
const dataDir = mkdtempSync(join(tmpdir(), "tandem-bulk-bench-"));
const child = fork(
  fileURLToPath(new URL("./bulk-host.ts", import.meta.url)),
  [dataDir, String(others + 1)],
  {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  },
);
const ready = await new Promise<{ url: string; tokens: string[] }>((resolve, reject) => {
  child.once("message", (m) => resolve(m as { url: string; tokens: string[] }));
  child.once("exit", (code) => reject(new Error(`bench host exited early (${code})`)));
});
const [bulkToken, ...otherTokens] = ready.tokens;

async function post(path: string, token: string, body: unknown, key?: string): Promise<void> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    "content-type": "application/json",
  };
  if (key) headers["idempotency-key"] = key;
  const res = await fetch(`${ready.url}${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 300)}`);
}

let batch = 0;
/** One 500-row bulk invitation of fresh addresses; seconds from send to answer. */
async function timedBulk(): Promise<number> {
  batch++;
  const rows = Array.from({ length: 500 }, (_, i) => ({ email: `b${batch}-p${i}@bulk.example` }));
  const started = performance.now();
  await post(
    "/v1/members/invitations/bulk",
    bulkToken!,
    { rows, mode: "all_or_nothing" },
    `batch-${batch}`,
  );
  return (performance.now() - started) / 1000;
}

async function measure(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timedBulk());
  return times.sort((a, b) => a - b);
}

const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) =>
  `${median(xs).toFixed(2)} s (${xs[0]!.toFixed(2)}–${xs.at(-1)!.toFixed(2)})`;

try {
  const load = loadavg()[0]!;
  await timedBulk(); // warm-up: connections opened, code paths compiled
  const idle = await measure();

  let writing = true;
  let writes = 0;
  const writers = otherTokens.map(async (token, w) => {
    for (let n = 0; writing; n++) {
      await post("/v1/members/invitations", token, { email: `w${w}-${n}@other.example` });
      writes++;
    }
  });
  await new Promise((r) => setTimeout(r, 1000));
  const started = performance.now();
  const writesBefore = writes;
  const busy = await measure();
  const otherRate = (writes - writesBefore) / ((performance.now() - started) / 1000);
  writing = false;
  await Promise.all(writers);

  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim();
  console.log(
    `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — bulk invitation\n`,
  );
  console.log(`- Commit: ${commit}; 1-minute load average at start: ${load.toFixed(2)}`);
  console.log(
    `- ${runs} runs of one 500-row \`all_or_nothing\` bulk invitation (with an Idempotency-Key), median (fastest–slowest)\n`,
  );
  console.log("| Situation | bulk invitation | other clients' writes/s |");
  console.log("| --- | --: | --: |");
  console.log(`| idle | ${fmt(idle)} | – |`);
  console.log(
    `| ${others} clients writing to ${others} other organizations | ${fmt(busy)} | ${otherRate.toFixed(0)} |`,
  );
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(dataDir, { recursive: true, force: true });
}
