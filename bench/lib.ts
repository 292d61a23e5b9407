import { type ChildProcess, execFileSync, fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import type { ChildMessage } from "./protocol";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const serversEntry = fileURLToPath(new URL("./servers.ts", import.meta.url));

/** One line of the results table. Latencies in milliseconds. */
export interface Row {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  /** Transport errors + timeouts + non-2xx responses; anything but 0 fails the run. */
  failures: number;
  failureDetail: string;
  /**
   * CPU time (all threads) the measured process spent per request or query, in µs; NaN where
   * it cannot be read. Less sensitive than req/s to other work sharing the machine.
   */
  cpuMicros: number;
}

export interface Child {
  /** The first message the child sends: "ready" for servers, "result" for the libSQL run. */
  message: Promise<ChildMessage>;
  /** CPU seconds (user + system, all threads) the child has used so far; NaN off Linux. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** utime + stime of a process from /proc (Linux), in seconds. */
function procCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const running = new Set<ChildProcess>();

function waitForExit(proc: ChildProcess, ms: number): Promise<boolean> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    proc.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode === null && proc.signalCode === null) {
    proc.kill("SIGTERM");
    if (!(await waitForExit(proc, 5000))) {
      proc.kill("SIGKILL");
      await waitForExit(proc, 2000);
    }
  }
  running.delete(proc);
}

/** Stops every child still running; safe to call more than once. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map(stopProcess));
}

function profileArgs(): string[] {
  const dir = process.env.BENCH_PROFILE;
  return dir ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [];
}

/** Runs bench/servers.ts in its own Node process (own event loop) and waits for its message. */
export function startChild(args: string[], timeoutMs: number): Child {
  const proc = fork(serversEntry, args, {
    cwd: repoRoot,
    // BENCH_PROFILE=<dir>: each child writes a V8 CPU profile there (open in Chrome DevTools).
    execArgv: ["--import", "tsx", ...profileArgs()],
    // stdout is where the host writes its per-request log lines: paid for, never read.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  running.add(proc);
  const message = new Promise<ChildMessage>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`bench child "${args[0]}" sent nothing within ${timeoutMs} ms`));
    }, timeoutMs);
    proc.once("message", (msg) => {
      clearTimeout(timer);
      const m = msg as ChildMessage;
      if (m.type === "failed") reject(new Error(`bench child "${args[0]}" failed: ${m.error}`));
      else resolve(m);
    });
    proc.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`bench child "${args[0]}" exited early (${signal ?? code})`));
    });
    proc.once("error", reject);
  });
  // Rejections are handled by whoever awaits `message`; avoid an unhandled one meanwhile.
  message.catch(() => {});
  return { message, cpuSeconds: () => procCpuSeconds(proc.pid), stop: () => stopProcess(proc) };
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

function describeFailures(r: Result): string {
  const parts: string[] = [];
  if (r.errors) parts.push(`${r.errors} errors`);
  if (r.timeouts) parts.push(`${r.timeouts} timeouts`);
  for (const [status, { count }] of Object.entries(r.statusCodeStats)) {
    if (!status.startsWith("2")) parts.push(`${count}× HTTP ${status}`);
  }
  return parts.join(", ");
}

/** A discarded warm-up run, then the measured one. Failures from both are reported. */
export async function loadTest(
  name: string,
  url: string,
  headers: Record<string, string>,
  opts: LoadOptions,
  server: Pick<Child, "cpuSeconds">,
): Promise<Row> {
  const base = { url, headers, connections: opts.connections, timeout: 10 };
  const warm = await autocannon({ ...base, duration: opts.warmupSeconds });
  const cpuBefore = server.cpuSeconds();
  const r = await autocannon({ ...base, duration: opts.seconds });
  const cpuMicros = ((server.cpuSeconds() - cpuBefore) * 1e6) / r.requests.total;
  const failures = [warm, r].reduce((n, x) => n + x.errors + x.timeouts + x.non2xx, 0);
  const warmDetail = describeFailures(warm);
  const detail = [describeFailures(r), warmDetail && `warm-up: ${warmDetail}`].filter(Boolean);
  return {
    name,
    perSecond: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures,
    failureDetail: detail.join("; "),
    cpuMicros,
  };
}

export function gitCommit(): string {
  try {
    const opts = { cwd: repoRoot, encoding: "utf8" as const, stdio: "pipe" as const };
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], opts).trim();
    // Changes to the bench itself or its report do not change what is measured.
    const pathspec = ["--", ".", ":!bench", ":!docs/benchmarks.md"];
    const status = execFileSync("git", ["status", "--porcelain", ...pathspec], opts);
    return status.trim() !== "" ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits }) : "n/a";

export function ratio(a: number, b: number): string {
  return b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : "n/a";
}

/** Rows as cells: name, req/s, p50, p99, CPU per request, failures. */
function cells(r: Row): string[] {
  const fail = r.failures === 0 ? "0" : `${r.failures} (${r.failureDetail})`;
  // autocannon's histogram keeps whole milliseconds, so 0 means "under a millisecond".
  const ms = (n: number) => (n === 0 ? "<1" : fmt(n, 2));
  return [r.name, fmt(r.perSecond), ms(r.p50), ms(r.p99), fmt(r.cpuMicros), fail];
}

const header = ["Benchmark", "req/s (mean)", "p50 ms", "p99 ms", "CPU µs/req", "errors / non-2xx"];

export function consoleTable(rows: Row[]): string {
  const table = [header, ...rows.map(cells)];
  const widths = header.map((_, i) => Math.max(...table.map((line) => line[i]!.length)));
  return table
    .map((line) =>
      line.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))),
    )
    .map((line) => line.join("  ").trimEnd())
    .join("\n");
}

/** A Markdown table padded the way Biome formats Markdown, so `biome ci` accepts the docs. */
export function markdownTable(head: string[], body: string[][], right: boolean[]): string {
  const widths = head.map((_, i) => Math.max(3, ...[head, ...body].map((l) => l[i]!.length)));
  const pad = (c: string, i: number) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!));
  const line = (l: string[]) => `| ${l.map(pad).join(" | ")} |`;
  const rule = widths.map((w, i) => (right[i] ? `${"-".repeat(w - 1)}:` : "-".repeat(w)));
  return [line(head), `| ${rule.join(" | ")} |`, ...body.map(line)].join("\n");
}

export function resultsMarkdown(rows: Row[]): string {
  return markdownTable(header, rows.map(cells), [false, true, true, true, true, false]);
}
