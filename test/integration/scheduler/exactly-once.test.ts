import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runSchedulerMessage } from "../../../workers/scheduler/src/consumer";
import { leaseMs } from "../../../workers/scheduler/src/delivery/retry";
import { enqueueSweeps } from "../../../workers/scheduler/src/sweep";
import type { MailTransport } from "../../../workers/shared/src/platform/mail";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import {
  checkInRequests,
  checkInSubject,
  expectOneCheckIn,
  orgWithPair,
  scheduleOf,
} from "../../support/reminders/reminder-fixtures";

// Each way a reminder could go out twice (or not at all) — the cron firing twice, ticks
// overlapping, a queue message redelivered, a crash after the provider accepted — ends with
// exactly one email in the member's inbox: the provider stand-in keeps one per Idempotency-Key
// and records every request, so a duplicate Tandem sent would show.
let h: OutboxHarness;
beforeEach(async () => {
  h = await startOutboxHarness();
});
afterEach(() => h.close());

const tick = (at = h.clock.now) => enqueueSweeps(h.platform.control, h.queue, at);

describe("a reminder is delivered exactly once", () => {
  it("when the cron fires twice for one tick", async () => {
    const pair = await orgWithPair(h, "twice");

    await Promise.all([tick(), tick()]);
    await h.deliver();

    expectOneCheckIn(h, pair, pair.mentorId);
    expectOneCheckIn(h, pair, pair.menteeId);
  });

  it("when two ticks overlap", async () => {
    const pair = await orgWithPair(h, "overlap");
    h.provider.delayMs = 30;

    await tick();
    h.clock.advance(5 * 60 * 1000);
    await tick();
    await h.deliver();

    expectOneCheckIn(h, pair, pair.mentorId);
    expectOneCheckIn(h, pair, pair.menteeId);
  });

  it("when the queue delivers a sweep twice, at once and again later", async () => {
    const pair = await orgWithPair(h, "redelivered");
    const body = { tenantId: pair.tenantId, tick: h.clock.now.toISOString(), full: true };

    await h.queue.sendBatch([{ body }, { body }]);
    await h.deliver();
    await runSchedulerMessage(h.platform, body);

    expectOneCheckIn(h, pair, pair.mentorId);
    expectOneCheckIn(h, pair, pair.menteeId);
  });

  it("when the consumer dies after the provider accepted, before recording it", async () => {
    const pair = await orgWithPair(h, "crash");
    const real = h.platform.mail;
    const to = `${pair.menteeId}@members.test`;
    const dying: MailTransport = {
      async send(message, opts) {
        await real.send(message, opts);
        // The process is gone: nothing after the send runs, the message is never acked.
        if (message.to === to && message.subject === checkInSubject) await new Promise(() => {});
      },
    };
    h.platform.mail = dying;
    const body = { tenantId: pair.tenantId, tick: h.clock.now.toISOString(), full: true };
    void runSchedulerMessage(h.platform, body);
    while (checkInRequests(h, pair.menteeId).length === 0)
      await new Promise((r) => setTimeout(r, 5));

    // The queue redelivers the message once the claim on the row has lapsed.
    h.platform.mail = real;
    h.clock.advance(leaseMs + 60 * 1000);
    await runSchedulerMessage(h.platform, body);

    expectOneCheckIn(h, pair, pair.menteeId, 2);
    const [, again] = checkInRequests(h, pair.menteeId);
    expect(again).toMatchObject({ replay: true, status: 200 });
    const row = (await h.rows(pair.db)).find(
      (r) => r.recipient === to && r.key.includes("check_in_due"),
    );
    expect(row).toMatchObject({ status: "sent" });
  });

  it("when the provider answers 500 and then 200: one email, sent by the retry", async () => {
    const pair = await orgWithPair(h, "flaky");
    h.provider.scriptFor[`${pair.menteeId}@members.test`] = [500];

    await tick();
    await h.deliver();
    const [failed] = checkInRequests(h, pair.menteeId);
    expect(failed!.status).toBe(500);
    const retry = (await h.rows(pair.db)).find(
      (r) => r.recipient === `${pair.menteeId}@members.test` && r.status === "pending",
    );
    // The retry's moment makes the tenant due, so the fan-out comes back for it.
    expect((await scheduleOf(h, pair.tenantId))!.nextDueAt!.getTime()).toBeLessThanOrEqual(
      retry!.nextAttemptAt.getTime(),
    );

    h.clock.advance(retry!.nextAttemptAt.getTime() - h.clock.now.getTime());
    await tick();
    await h.deliver();

    expectOneCheckIn(h, pair, pair.menteeId, 2);
    expect(checkInRequests(h, pair.menteeId).map((r) => r.status)).toEqual([500, 202]);
  });

  it("when the provider refuses with 400: dead-lettered once, visible to admins", async () => {
    const pair = await orgWithPair(h, "refused");
    h.provider.scriptFor[`${pair.menteeId}@members.test`] = [400];

    await tick();
    await h.deliver();
    h.clock.advance(2 * 60 * 60 * 1000);
    await tick();
    await h.deliver();

    expect(checkInRequests(h, pair.menteeId).map((r) => r.status)).toEqual([400]);
    const token = await h.tokenFor(pair.slug, { memberId: "admin-1", role: "admin" });
    const res = await h.request("/v1/outbox?status=dead", { token });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { recipient: string; status: string }[] };
    expect(items).toEqual([
      expect.objectContaining({ recipient: `${pair.menteeId}@members.test`, status: "dead" }),
    ]);
  });

  it("while one tenant's database is down, the others are swept and reminded", async () => {
    const down = await orgWithPair(h, "down");
    const up = await orgWithPair(h, "still-up");
    await h.breakTenantDb(down.slug);

    await tick();
    await h.deliver();

    expectOneCheckIn(h, up, up.mentorId);
    expectOneCheckIn(h, up, up.menteeId);
    expect(checkInRequests(h, down.menteeId)).toEqual([]);
    expect(h.queue.deadLetters.map((d) => d.body.tenantId)).toEqual([down.tenantId]);
    expect(h.rawLogs.join("\n")).not.toContain("nonexistent-dir");
  });

  it("when ticks are missed, the next one catches up", async () => {
    // The check-in opens at midnight, two days on; the member is reminded from 08:00.
    const pair = await orgWithPair(h, "missed", { opensIn: 39 * 60 * 60 * 1000 });
    await tick();
    await h.deliver();
    expect(checkInRequests(h, pair.menteeId)).toEqual([]);

    // Every tick of the next two days is lost; the one after finds the reminder due.
    h.clock.advance(2 * 24 * 60 * 60 * 1000);
    await tick();
    await h.deliver();

    expectOneCheckIn(h, pair, pair.mentorId);
    expectOneCheckIn(h, pair, pair.menteeId);
  });
});
