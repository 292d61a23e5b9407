import { eq, like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tenantSchedule } from "../../../db/control/schema";
import { matches, matchParticipants, outbox } from "../../../db/tenant/schema";
import { dueSweeps, fullSweepOffset } from "../../../workers/scheduler/src/fan-out";
import { enqueueSweeps, sweepTenant } from "../../../workers/scheduler/src/sweep";
import { setTenantStatus } from "../../../workers/shared/src/tenancy/tenants";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import { pairSince, person } from "../../support/pair-fixtures";
import {
  checkInRequests,
  type DuePair,
  expectOneCheckIn,
  nextReminderOf,
  orgWithPair,
  scheduleOf,
} from "../../support/reminders/reminder-fixtures";

// The cron asks only for the sweeps that have something to do, read from the control DB:
// a full one for a tenant never swept or whose hourly slot has passed, a partial one for a
// tenant whose earliest due moment has come. A partial sweep looks only at due matches.
let h: OutboxHarness;
beforeEach(async () => {
  h = await startOutboxHarness();
});
afterEach(() => h.close());

const minute = 60 * 1000;
const hour = 60 * minute;

/** A moment `after` ms past the tenant's full-sweep slot in the clock's hour (or the last). */
function pastSlot(tenantId: string, after: number): Date {
  const hourStart = Math.floor(h.clock.now.getTime() / hour) * hour;
  return new Date(hourStart - hour + fullSweepOffset(tenantId) + after);
}

/** Another pair in the same organization and program, begun on the same day. */
async function secondPair(pair: DuePair, suffix: string): Promise<DuePair> {
  const mentorId = `${pair.mentorId}-${suffix}`;
  const menteeId = `${pair.menteeId}-${suffix}`;
  await person(h, pair.db, pair.slug, mentorId, "Max", "UTC");
  await person(h, pair.db, pair.slug, menteeId, "Ola", "UTC");
  const [first] = await pair.db.select().from(matches).where(eq(matches.id, pair.matchId));
  const matchId = await pairSince(pair.db, {
    programId: first!.programId,
    mentorId,
    menteeId,
    activatedAt: first!.activatedAt!,
  });
  return { ...pair, matchId, mentorId, menteeId };
}

const sweepAt = async (tenantId: string, at: Date, full: boolean) => {
  h.clock.advance(at.getTime() - h.clock.now.getTime());
  await sweepTenant(h.platform, { tenantId, tick: at.toISOString(), full });
};

describe("the cron's fan-out", () => {
  it("sweeps a tenant fully at first, then only when due or when its hourly slot passes", async () => {
    const pair = await orgWithPair(h, "fanned");
    const start = pastSlot(pair.tenantId, minute);
    const sweeps = (at: Date) => dueSweeps(h.platform.control, at);

    expect(await sweeps(start)).toEqual([
      { tenantId: pair.tenantId, tick: start.toISOString(), full: true },
    ]);
    await sweepAt(pair.tenantId, start, true);
    const { nextDueAt } = (await scheduleOf(h, pair.tenantId))!;
    expect(nextDueAt!.getTime()).toBeGreaterThan(start.getTime());

    // Nothing due, slot not reached: the next ticks send nothing and open no database.
    expect(await sweeps(new Date(start.getTime() + 5 * minute))).toEqual([]);
    const due = new Date(Math.min(nextDueAt!.getTime(), start.getTime() + 50 * minute));
    await h.platform.control
      .update(tenantSchedule)
      .set({ nextDueAt: due })
      .where(eq(tenantSchedule.tenantId, pair.tenantId));
    expect(await sweeps(due)).toEqual([
      { tenantId: pair.tenantId, tick: due.toISOString(), full: false },
    ]);
    const nextHour = new Date(start.getTime() + hour);
    expect(await sweeps(nextHour)).toEqual([
      { tenantId: pair.tenantId, tick: nextHour.toISOString(), full: true },
    ]);
  });

  it("asks nothing of a suspended tenant and spreads full sweeps over the hour", async () => {
    const pair = await orgWithPair(h, "dormant");
    await setTenantStatus(h.operator, pair.slug, "suspended");
    expect(await dueSweeps(h.platform.control, h.clock.now)).toEqual([]);
    const offsets = ["a", "b", "c", "d", "e", "f"].map((id) => fullSweepOffset(`tenant-${id}`));
    expect(new Set(offsets.map((o) => Math.floor(o / (5 * minute)))).size).toBeGreaterThan(2);
  });

  it("sends a reminder held past quiet hours at the first tick after they end", async () => {
    h.clock.advance(-6 * hour); // 03:00 UTC: inside the members' quiet hours.
    const pair = await orgWithPair(h, "night", { opensIn: -3 * hour });
    await enqueueSweeps(h.platform.control, h.queue, h.clock.now);
    await h.deliver();
    expect(checkInRequests(h, pair.menteeId)).toEqual([]);
    const held = await pair.db
      .select({ at: outbox.nextAttemptAt })
      .from(outbox)
      .where(like(outbox.key, "reminder:check_in_due:%"));
    expect(held.map((r) => r.at.toISOString())).toEqual([
      "2031-06-01T08:00:00.000Z",
      "2031-06-01T08:00:00.000Z",
    ]);
    expect((await scheduleOf(h, pair.tenantId))!.nextDueAt!.getTime()).toBeLessThanOrEqual(
      held[0]!.at.getTime(),
    );

    h.clock.advance(5 * hour);
    await enqueueSweeps(h.platform.control, h.queue, h.clock.now);
    await h.deliver();
    expectOneCheckIn(h, pair, pair.menteeId);
  });
});

describe("a partial sweep", () => {
  it("reminds only matches whose next reminder has come; the full sweep reminds the rest", async () => {
    const pair = await orgWithPair(h, "cheap");
    // A second pair of the same tenant, as due as the first, worked out earlier as due next week.
    const later = await secondPair(pair, "later");
    const nextWeek = new Date(h.clock.now.getTime() + 7 * 24 * hour);
    await pair.db
      .update(matches)
      .set({ nextReminderAt: nextWeek })
      .where(eq(matches.id, later.matchId));

    await sweepAt(pair.tenantId, h.clock.now, false);

    expectOneCheckIn(h, pair, pair.menteeId);
    expect(checkInRequests(h, later.menteeId)).toEqual([]);
    expect(await nextReminderOf(pair.db, later.matchId)).toEqual(nextWeek);
    const next = await nextReminderOf(pair.db, pair.matchId);
    expect(next!.getTime()).toBeGreaterThan(h.clock.now.getTime());

    await sweepAt(pair.tenantId, h.clock.now, true);
    expect(checkInRequests(h, later.menteeId)).toHaveLength(1);
    expect(await nextReminderOf(pair.db, later.matchId)).not.toEqual(nextWeek);
  });

  it("skips a broken match, reminds the others, and looks at it again an hour later", async () => {
    const pair = await orgWithPair(h, "broken");
    const [other] = await pair.db.select().from(matches).where(eq(matches.id, pair.matchId));
    await pair.db.insert(matches).values({ ...other!, id: "mat_empty_seat" });
    await pair.db.insert(matchParticipants).values({
      matchId: "mat_empty_seat",
      memberId: pair.mentorId,
      role: "mentor",
      programId: other!.programId,
    });

    await sweepAt(pair.tenantId, h.clock.now, false);

    expectOneCheckIn(h, pair, pair.menteeId);
    expect(h.logs.filter((l) => l.msg === "reminders.match_failed")).toMatchObject([
      { matchId: "mat_empty_seat" },
    ]);
    expect(await nextReminderOf(pair.db, "mat_empty_seat")).toEqual(
      new Date(h.clock.now.getTime() + hour),
    );
  });
});
