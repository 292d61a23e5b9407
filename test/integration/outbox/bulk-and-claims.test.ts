import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../../db/tenant/schema";
import { runSchedulerMessage } from "../../../workers/scheduler/src/consumer";
import { claimDue, settle } from "../../../workers/scheduler/src/delivery/claim";
import { leaseMs } from "../../../workers/scheduler/src/delivery/retry";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import { sendJson } from "../../support/programs-fixtures";

let h: OutboxHarness;
beforeAll(async () => {
  h = await startOutboxHarness();
});
afterAll(() => h.close());

describe("bulk invitations", () => {
  it("answer without sending inline; every email arrives once after delivery", async () => {
    const { token, db, tenantId } = await h.org("bulk-outbox");
    const rows = Array.from({ length: 300 }, (_, i) => ({ email: `p${i}@bulk.example` }));
    const { held, restore } = h.holdNudges();
    try {
      const res = await sendJson(h, "POST", "/v1/members/invitations/bulk", token, {
        rows,
        mode: "all_or_nothing",
      });
      expect(res.status).toBe(200);
      await h.deliver();
    } finally {
      restore();
    }
    // The request wrote 300 rows, sent nothing, and asked once for delivery.
    expect(h.provider.requests).toEqual([]);
    expect(await db.$count(outbox)).toBe(300);
    expect(held).toEqual([{ kind: "deliver", tenantId }]);

    await h.queue.sendBatch(held.map((body) => ({ body })));
    await h.deliver();
    const to = h.provider.requests.map((r) => r.body.to).sort();
    expect(to).toEqual(rows.map((r) => r.email).sort());
    expect((await h.rows(db)).every((r) => r.status === "sent" && r.payload === null)).toBe(true);
  });
});

describe("claims", () => {
  it("two deliverers claiming at once never share a row", async () => {
    const { token, db } = await h.org("claims-race");
    const { restore } = h.holdNudges();
    try {
      for (let i = 0; i < 12; i++) await h.invite(token, `r${i}@claims.example`);
    } finally {
      restore();
    }
    const [a, b] = await Promise.all([claimDue(db, h.clock.now, 8), claimDue(db, h.clock.now, 8)]);
    const ids = [...a!, ...b!].map((r) => r.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
  });

  it("a deliverer whose lease ran out is fenced off: the row is taken over, counted again", async () => {
    const { token, db } = await h.org("claims-lease");
    const { restore } = h.holdNudges();
    try {
      await h.invite(token, "slow@claims.example");
    } finally {
      restore();
    }
    const [stalled] = await claimDue(db, h.clock.now, 10);
    expect(stalled).toMatchObject({ attempts: 1 });
    expect(await claimDue(db, h.clock.now, 10)).toEqual([]);

    h.clock.advance(leaseMs);
    await h.sweep();
    expect(h.provider.requests.map((r) => r.body.to)).toContain("slow@claims.example");
    // The first deliverer wakes up and reports a failure: its write no longer applies.
    await settle(db, stalled!, { status: "dead", lastError: "too late" }, h.clock.now);
    expect((await h.rows(db))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("a queue message nobody can read is dropped and logged, not retried", async () => {
    const logged = h.rawLogs.length;
    await runSchedulerMessage(h.platform, { kind: "deliver" });
    await runSchedulerMessage(h.platform, { tenantId: "t", tick: "yesterday" });
    const lines = h.rawLogs.slice(logged).map((l) => JSON.parse(l) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual([
      "unreadable scheduler message dropped",
      "unreadable scheduler message dropped",
    ]);
  });
});
