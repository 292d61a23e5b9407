/**
 * Child-process side of `npm run bench`: each mode runs in its own process (own event loop)
 * so the load generator in the parent never shares a thread with what it measures.
 *
 *   hello            bare Hono hello-world on @hono/node-server   → { type: "ready", url }
 *   tandem <dataDir> the real Node host + one tenant, 50 members  → { type: "ready", url, ... }
 *   libsql <dbFile> <seconds> <warmupSeconds> <loops> [prepared]
 *                    the members route's query straight on @libsql/client → { type: "result" };
 *                    with "prepared", on one statement kept prepared on the native driver
 *                    (`libsql`), rows as arrays: what the host's hot reads run on
 *
 * Every mode exits when the parent disconnects, so a crashed parent leaves nothing behind.
 */
import type { AddressInfo } from "node:net";
import { createHistogram } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import { Hono } from "hono";
import Database from "libsql";
import { members } from "../db/tenant/schema";
import { resolveDataUrl } from "../host/file-databases";
import { startHost } from "../host/server";
import { signAccessToken } from "../workers/shared/src/security/access-tokens";
import { createTenant, findTenantBySlug } from "../workers/shared/src/tenancy/tenants";
import { type ChildMessage, memberCount, membersSql, type RawResult, tenantSlug } from "./protocol";

function send(message: ChildMessage): void {
  process.send?.(message);
}

function onParentGone(stop: () => Promise<void> | void): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    Promise.resolve(stop()).finally(() => process.exit(0));
  };
  process.on("disconnect", shutdown);
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

async function hello(): Promise<void> {
  const app = new Hono();
  app.get("/", (c) => c.text("Hello, world!"));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  onParentGone(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  send({ type: "ready", url: `http://127.0.0.1:${port}` });
}

async function tandem(dataDir: string, tokenTtlSeconds: number): Promise<void> {
  // The host's own default logger: one JSON line per request to stdout, as in `npm start`.
  // The parent points this process's stdout at /dev/null, so that cost is paid but not read.
  const host = await startHost({ port: 0, dataDir, scheduler: false, env: {} });
  onParentGone(() => host.close());
  const { platform } = host;
  await createTenant(
    { ...platform, actor: "bench" },
    {
      slug: tenantSlug,
      name: "Bench Org",
      kind: "university",
    },
  );
  const tenant = await findTenantBySlug(platform.control, tenantSlug);
  const db = await platform.connections.db(tenant);
  const now = platform.now();
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"];
  const rows = Array.from({ length: memberCount }, (_, i) => ({
    id: `member-${String(i + 1).padStart(3, "0")}`,
    email: `member${i + 1}@bench.example`,
    displayName: `Bench Member ${i + 1}`,
    role: i === 0 ? ("admin" as const) : ("member" as const),
    status: "active" as const,
    timeZone: zones[i % zones.length]!,
    createdAt: now,
    updatedAt: now,
  }));
  await db.insert(members).values(rows);
  const token = await signAccessToken(
    platform.signingKeys,
    platform.tokenAudience,
    { memberId: rows[0]!.id, tenantId: tenant.id, role: "admin" },
    now,
    tokenTtlSeconds,
  );
  send({
    type: "ready",
    url: host.url,
    token,
    tenantDbUrl: resolveDataUrl(tenant.dbUrl, dataDir),
  });
}

/**
 * `loops` async loops each awaiting one query at a time, like 50 connections would.
 * execute() on a file URL is synchronous underneath, so the loops take turns via microtasks
 * and a query's latency includes waiting for the others: the same queueing the host sees.
 */
/** One query: on the client, or on a statement prepared once on the native driver. */
function membersQuery(dbUrl: string, prepared: boolean) {
  if (!prepared) {
    const client = createClient({ url: dbUrl });
    return {
      run: async () => (await client.execute(membersSql)).rows,
      close: () => client.close(),
    };
  }
  const db = new Database(dbUrl.slice("file:".length));
  const statement = db.prepare(membersSql).raw(true);
  return {
    run: async () => statement.all(),
    close: () => {
      db.close();
    },
  };
}

async function libsql(
  dbUrl: string,
  seconds: number,
  warmup: number,
  loops: number,
  prepared: boolean,
) {
  const client = membersQuery(dbUrl, prepared);
  onParentGone(() => client.close());
  const hist = createHistogram();
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const phase = async (ms: number, record: boolean) => {
    const end = performance.now() + ms;
    const loop = async () => {
      while (performance.now() < end) {
        const started = process.hrtime.bigint();
        try {
          const rows = await client.run();
          if (rows.length !== 26) throw new Error(`expected 26 rows, got ${rows.length}`);
          if (record) {
            hist.record(process.hrtime.bigint() - started);
            completed++;
          }
        } catch (err) {
          if (record) errors++;
          firstError ??= err instanceof Error ? err.message : String(err);
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: loops }, loop));
    return (performance.now() - started) / 1000;
  };
  await phase(warmup * 1000, false);
  const cpuBefore = process.cpuUsage();
  const elapsed = await phase(seconds * 1000, true);
  const cpu = process.cpuUsage(cpuBefore);
  client.close();
  const ms = (ns: number) => ns / 1e6;
  const result: RawResult = {
    completed,
    errors,
    perSecond: completed / elapsed,
    p50: ms(hist.percentile(50)),
    p99: ms(hist.percentile(99)),
    cpuMicros: (cpu.user + cpu.system) / completed,
    ...(firstError ? { firstError } : {}),
  };
  send({ type: "result", result });
}

const [mode, ...args] = process.argv.slice(2);
try {
  if (mode === "hello") await hello();
  else if (mode === "tandem") await tandem(args[0]!, Number(args[1] ?? 3600));
  else if (mode === "libsql") {
    const [dbUrl, seconds, warmup, loops, variant] = args;
    await libsql(dbUrl!, Number(seconds), Number(warmup), Number(loops), variant === "prepared");
    process.disconnect?.();
  } else throw new Error(`unknown mode ${mode}`);
} catch (err) {
  send({ type: "failed", error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
  process.disconnect?.();
}
