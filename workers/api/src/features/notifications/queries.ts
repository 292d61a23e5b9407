import { and, count, eq, isNull, lte } from "drizzle-orm";
import { notifications } from "../../../../../db/tenant/schema";
import type { TenantDb } from "../../../../shared/src/platform/db";

/**
 * A member's notifications already shown at `now`: a reminder held past quiet hours is not
 * in the bell before its send time. Served by the index on (member_id, visible_from).
 */
export const shownTo = (memberId: string, now: Date) =>
  and(eq(notifications.memberId, memberId), lte(notifications.visibleFrom, now));

export async function unreadCountOf(
  db: Pick<TenantDb, "select">,
  memberId: string,
  now: Date,
): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(shownTo(memberId, now), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}
