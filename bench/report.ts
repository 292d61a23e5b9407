import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release } from "node:os";
import { dirname, join } from "node:path";
import { gitCommit, markdownTable, type Row, repoRoot, resultsMarkdown } from "./lib";

export const reportPath = join(repoRoot, "docs", "benchmarks.md");

export interface RunInfo {
  date: string;
  commit: string;
  node: string;
  cores: string;
  os: string;
  /** 1-minute load average when the run started: others' work on the machine skews figures. */
  loadAtStart: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export function runInfo(opts: Pick<RunInfo, "connections" | "seconds" | "warmupSeconds">): RunInfo {
  const model = cpus()[0]?.model.trim() ?? "unknown CPU";
  return {
    date: `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    commit: gitCommit(),
    node: process.version,
    cores: `${availableParallelism()} × ${model}`,
    os: `${platform()} ${release()}`,
    loadAtStart: loadavg()[0] ?? 0,
    ...opts,
  };
}

const intro = `# Benchmarks

\`npm run bench\` (\`bench/run.ts\`) measures the embedded Node host under load, in one run:

- **hello-world** — a bare Hono app on \`@hono/node-server\` (\`GET /\` → text): about the most
  any Hono-on-Node server can answer on this machine with this load generator.
- **GET /healthz** — the real Tandem host (\`host/server.ts\`): the API's request frame
  (request id, log line, security headers) without auth or database.
- **GET /v1/members?limit=25** — an authenticated read of one tenant's database: access-token
  verification, tenant lookup, the tenant's libSQL file, 25 of its 50 members as JSON.
- **raw libSQL query** — the statement that route sends, run directly with \`@libsql/client\` on
  the same tenant file by as many concurrent loops as there are connections; queries/second.
- **prepared statement** — the same statement prepared once on the native driver (\`libsql\`)
  and run again and again, rows as arrays: the floor under the member list, which the host's
  hot reads run this way (\`host/reused-reads.ts\`). Shown for context; the target ratios are
  against the raw libSQL query.

Each server and the raw-query loop run in a child process of their own, so autocannon (in the
parent) never shares an event loop with what it measures; they do share the machine's cores.
Every benchmark gets 50 connections for \`BENCH_SECONDS\` (default 10) after a discarded 2 s
warm-up. Traffic goes to 127.0.0.1 only. The host logs one JSON line per request, as in
production; the bench sends that output to /dev/null. A run in which any request failed or
answered non-2xx exits non-zero and is not recorded here. autocannon records HTTP latency in
whole milliseconds; the raw query's latency is measured in nanoseconds.

**CPU µs/req** is the CPU time (user + system, all threads) the measured process spent per
request or query during the measured seconds: from \`/proc\` for the servers (Linux only;
"n/a" elsewhere), from \`process.cpuUsage()\` for the raw query loop. On a machine shared with
other work, req/s swings with whoever else holds the cores; CPU per request moves much less,
so the ratios table repeats the comparisons by CPU cost (a baseline's CPU over Tandem's).

Run it with \`npm run bench\` (or \`BENCH_SECONDS=5 npm run bench\` for a quick look); each run
appends a dated section below. \`BENCH_PROFILE=<dir> npm run bench\` also writes a V8 CPU
profile of each child process into \`<dir>\` (open them in Chrome DevTools' Performance tab);
profiling slows the children, so such a run's figures are not comparable.

Absolute figures depend on the machine and on what else it was doing (each section notes the
load average when it started; other work on the machine makes a run noisy), so read them as
ratios against the baselines measured in the same run on the same machine. They are
observations for spotting regressions and costs, never thresholds to enforce.
`;

export function appendReport(info: RunInfo, rows: Row[], ratios: [string, string][]): void {
  if (!existsSync(reportPath)) {
    mkdirSync(dirname(reportPath), { recursive: true });
    writeFileSync(reportPath, intro);
  }
  const section = [
    "",
    `## ${info.date}`,
    "",
    `- Commit: ${info.commit}`,
    `- Node ${info.node} on ${info.os}; ${info.cores}`,
    `- 1-minute load average at start: ${info.loadAtStart.toFixed(2)}`,
    `- ${info.connections} connections, ${info.seconds} s measured after ` +
      `${info.warmupSeconds} s warm-up per benchmark`,
    "",
    resultsMarkdown(rows),
    "",
    markdownTable(["Ratio", "Value"], ratios, [false, true]),
    "",
  ].join("\n");
  appendFileSync(reportPath, section);
}
