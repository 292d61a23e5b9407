import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningHost, startHost } from "../../../host/server";

let host: RunningHost;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "tandem-host-log-"));
  host = await startHost({ port: 0, dataDir, scheduler: false, env: {} });
});
afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What the host writes to stdout while `run` runs, and in how many writes. */
async function stdoutDuring(run: () => Promise<unknown>) {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 150));
  } finally {
    write.mockRestore();
  }
  return { writes: chunks.length, lines: chunks.join("").split("\n").filter(Boolean) };
}

describe("the Node host's request log", () => {
  it("writes one JSON line per request, many requests' lines in one write", async () => {
    const { writes, lines } = await stdoutDuring(() =>
      Promise.all(Array.from({ length: 20 }, () => fetch(`${host.url}/healthz`))),
    );
    const requests = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "request");
    expect(requests).toHaveLength(20);
    expect(requests.every((r) => r.path === "/healthz" && r.status === 200)).toBe(true);
    expect(new Set(requests.map((r) => r.requestId)).size).toBe(20);
    expect(writes).toBeLessThan(20);
  });

  it("writes what is still queued when the host closes", async () => {
    const other = await startHost({ port: 0, dataDir, scheduler: false, env: {} });
    const { lines } = await stdoutDuring(async () => {
      await fetch(`${other.url}/healthz`);
      await other.close();
    });
    expect(lines.some((line) => line.includes('"msg":"request"'))).toBe(true);
  });
});
