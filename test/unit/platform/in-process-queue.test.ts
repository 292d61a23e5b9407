import { afterEach, describe, expect, it } from "vitest";
import { InProcessQueue } from "../../../host/in-process-queue";
import { jsonLogger } from "../../../workers/shared/src/platform/log";
import type { TenantSweep } from "../../../workers/shared/src/platform/platform";

const tick = "2030-01-01T00:00:00.000Z";
const sweep = (tenantId: string): { body: TenantSweep } => ({ body: { tenantId, tick } });

let queue: InProcessQueue | undefined;
afterEach(() => queue?.close());

function makeQueue(maxAttempts = 3, baseDelayMs = 5) {
  const lines: Record<string, unknown>[] = [];
  const log = jsonLogger((line) => lines.push(JSON.parse(line)));
  queue = new InProcessQueue({ log, maxAttempts, baseDelayMs });
  return { queue, lines };
}

describe("InProcessQueue", () => {
  it("delivers every message once when the consumer succeeds", async () => {
    const { queue } = makeQueue();
    const seen: string[] = [];
    queue.consume(async (body, attempt) => {
      seen.push(`${body.tenantId}@${attempt}`);
    });
    await queue.sendBatch([sweep("a"), sweep("b"), sweep("c")]);
    await queue.idle();
    expect(seen.sort()).toEqual(["a@1", "b@1", "c@1"]);
    expect(queue.deadLetters).toEqual([]);
  });

  it("retries a failing message with backoff, then dead-letters it; others arrive", async () => {
    const { queue, lines } = makeQueue(3, 20);
    const attempts: { tenantId: string; attempt: number; at: number }[] = [];
    queue.consume(async (body, attempt) => {
      attempts.push({ tenantId: body.tenantId, attempt, at: performance.now() });
      if (body.tenantId === "bad") throw new Error("cannot open libsql://bad.turso.io");
    });
    await queue.sendBatch([sweep("good-1"), sweep("bad"), sweep("good-2")]);
    await queue.idle();

    const bad = attempts.filter((a) => a.tenantId === "bad");
    expect(bad.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // Backoff doubles: ~20 ms before attempt 2, ~40 ms before attempt 3.
    expect(bad[1]!.at - bad[0]!.at).toBeGreaterThanOrEqual(15);
    expect(bad[2]!.at - bad[1]!.at).toBeGreaterThanOrEqual(35);
    expect(
      attempts
        .filter((a) => a.tenantId !== "bad")
        .map((a) => a.tenantId)
        .sort(),
    ).toEqual(["good-1", "good-2"]);

    expect(queue.deadLetters).toEqual([
      { body: { tenantId: "bad", tick }, error: "cannot open [redacted-url]" },
    ]);
    expect(lines.filter((l) => l.msg === "sweep failed; will retry")).toHaveLength(2);
    expect(lines.filter((l) => l.msg === "sweep dead-lettered")).toMatchObject([
      { level: "error", tenantId: "bad", attempt: 3 },
    ]);
  });

  it("recovers when a retry succeeds", async () => {
    const { queue } = makeQueue();
    let calls = 0;
    queue.consume(async () => {
      calls++;
      if (calls === 1) throw new Error("transient");
    });
    await queue.sendBatch([sweep("flaky")]);
    await queue.idle();
    expect(calls).toBe(2);
    expect(queue.deadLetters).toEqual([]);
  });

  it("stops retrying once closed", async () => {
    const { queue } = makeQueue(5, 30);
    let calls = 0;
    queue.consume(async () => {
      calls++;
      throw new Error("down");
    });
    await queue.sendBatch([sweep("x")]);
    await new Promise((r) => setTimeout(r, 5));
    queue.close();
    await queue.idle();
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
    expect(queue.deadLetters).toEqual([]);
  });

  it("works messages side by side: a tenant that hangs holds up none of the others", async () => {
    const log = jsonLogger(() => {});
    queue = new InProcessQueue({ log, concurrency: 2 });
    let release = () => {};
    const hung = new Promise<void>((resolve) => {
      release = resolve;
    });
    const done: string[] = [];
    queue.consume(async (body) => {
      if (body.tenantId === "stuck") await hung;
      done.push(body.tenantId);
    });
    await queue.sendBatch([sweep("stuck"), sweep("a"), sweep("b"), sweep("c")]);
    // Everyone else finishes while "stuck" still holds one of the two places.
    for (let i = 0; i < 50 && done.length < 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(done).toEqual(["a", "b", "c"]);
    release();
    await queue.idle();
    expect(done).toEqual(["a", "b", "c", "stuck"]);
  });
});
