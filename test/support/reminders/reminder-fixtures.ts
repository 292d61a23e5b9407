import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { tenantSchedule } from "../../../db/control/schema";
import { matches } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { OutboxHarness } from "../outbox-fixtures";
import { insertProgram, pairSince, person } from "../pair-fixtures";

// Organizations whose pairs are due a reminder on the test's clock, for the scheduler's
// exactly-once and fan-out tests. With the default rules a pair's first check-in opens on day
// 30 of the match: a pair begun 30 days before 09:00 UTC is due its check-in reminder then.

const day = 24 * 60 * 60 * 1000;
export const checkInSubject = "A check-in is open in Spring mentoring";

export interface DuePair {
  slug: string;
  tenantId: string;
  db: TenantDb;
  matchId: string;
  mentorId: string;
  menteeId: string;
}

/** An organization with one pair whose first check-in opens `opensIn` ms from the clock. */
export async function orgWithPair(
  h: OutboxHarness,
  slug: string,
  opts: { opensIn?: number } = {},
): Promise<DuePair> {
  const { db, tenantId } = await h.org(slug);
  const mentorId = `${slug}-mentor`;
  const menteeId = `${slug}-mentee`;
  await person(h, db, slug, mentorId, "Mia", "UTC");
  await person(h, db, slug, menteeId, "Tom", "UTC");
  const programId = await insertProgram(db);
  const activatedAt = new Date(h.clock.now.getTime() - 30 * day + (opts.opensIn ?? 0));
  const matchId = await pairSince(db, { programId, mentorId, menteeId, activatedAt });
  return { slug, tenantId, db, matchId, mentorId, menteeId };
}

/** What reached the provider for one member's check-in reminder: every request, replays too. */
export function checkInRequests(h: OutboxHarness, memberId: string) {
  return h.provider.requests.filter(
    (r) => r.body.to === `${memberId}@members.test` && r.body.subject === checkInSubject,
  );
}

/**
 * The member found exactly one check-in reminder in their inbox, addressed to them, linking
 * to the pair's check-ins, under the reminder's key. `tries` is how many times Tandem asked the
 * provider (more than one only when a send had to be repeated, under the same key).
 */
export function expectOneCheckIn(h: OutboxHarness, pair: DuePair, memberId: string, tries = 1) {
  const requests = checkInRequests(h, memberId);
  expect(requests).toHaveLength(tries);
  const key = `${pair.tenantId}:reminder:check_in_due:${pair.matchId}:${memberId}:1`;
  expect(requests.map((r) => r.headers["idempotency-key"])).toEqual(requests.map(() => key));
  const delivered = requests.filter((r) => r.status < 300 && !r.replay);
  expect(delivered).toHaveLength(1);
  expect(delivered[0]!.body.to).toBe(`${memberId}@members.test`);
  expect(delivered[0]!.body.text).toContain(
    `http://tandem.test/o/${pair.slug}/matches/${pair.matchId}#check-ins`,
  );
}

export async function scheduleOf(h: OutboxHarness, tenantId: string) {
  const [row] = await h.platform.control
    .select()
    .from(tenantSchedule)
    .where(eq(tenantSchedule.tenantId, tenantId));
  return row;
}

export async function nextReminderOf(db: TenantDb, matchId: string) {
  const [row] = await db
    .select({ at: matches.nextReminderAt })
    .from(matches)
    .where(eq(matches.id, matchId));
  return row?.at ?? null;
}
