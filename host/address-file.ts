import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The running host writes the address it listens on into DATA_DIR, so the CLI, a separate
 * process on the same data, puts that address in the links it makes (an invitation made
 * while the host runs on another port must open on that port).
 */
const fileOf = (dataDir: string) => join(dataDir, "host.json");

interface HostAddress {
  url: string;
  pid: number;
}

export function recordHostAddress(dataDir: string, url: string): () => void {
  const file = fileOf(dataDir);
  writeFileSync(file, `${JSON.stringify({ url, pid: process.pid } satisfies HostAddress)}\n`);
  return () => {
    // Only our own record: another host may have started on this DATA_DIR since.
    if (readAddress(file)?.pid === process.pid) rmSync(file, { force: true });
  };
}

function readAddress(file: string): HostAddress | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<HostAddress>;
    return typeof parsed.url === "string" && typeof parsed.pid === "number"
      ? { url: parsed.url, pid: parsed.pid }
      : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The address of the host running on this DATA_DIR, or null when none runs (or it crashed). */
export function runningHostUrl(dataDir: string): string | null {
  const address = readAddress(fileOf(dataDir));
  return address && alive(address.pid) ? address.url : null;
}
