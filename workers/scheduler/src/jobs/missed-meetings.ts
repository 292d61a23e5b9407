import { and, eq, lt, sql } from "drizzle-orm";
import { meetings } from "../../../../db/tenant/schema";
import type { TenantDb } from "../../../shared/src/platform/db";

/** How long after its end a meeting waits to be logged before it counts as missed. */
export const missedAfterMs = 24 * 60 * 60 * 1000;

/**
 * Scheduled meetings that ended more than a day ago and were never logged become missed. One
 * conditional update: a meeting logged or cancelled meanwhile is left alone, and running it
 * twice changes nothing more. The pair can still log a missed meeting late.
 */
export async function markMissedMeetings(db: TenantDb, now: Date): Promise<number> {
  const cutoff = now.getTime() - missedAfterMs;
  const missed = await db
    .update(meetings)
    .set({ status: "missed", updatedAt: now })
    .where(
      and(
        eq(meetings.status, "scheduled"),
        // Only meetings that started before the cutoff can have ended before it: the index on
        // (status, starts_at) narrows the rows before the end is computed.
        lt(meetings.startsAt, new Date(cutoff)),
        lt(sql`${meetings.startsAt} + ${meetings.durationMinutes} * 60000`, cutoff),
      ),
    )
    .returning({ id: meetings.id });
  return missed.length;
}
