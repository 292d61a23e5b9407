import { notifications } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";

/** A notification as the reminders sweep writes it, shown from `visibleFrom`. */
export async function insertNotification(
  db: TenantDb,
  row: { memberId: string; visibleFrom: Date; title?: string; body?: string; link?: string },
): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(notifications).values({
    id,
    memberId: row.memberId,
    key: `test:${id}`,
    title: row.title ?? "A check-in is open",
    body: row.body ?? "Check-in 1 is open until Friday.",
    link: row.link ?? "/o/org/matches/m1#check-ins",
    visibleFrom: row.visibleFrom,
    createdAt: row.visibleFrom,
    readAt: null,
  });
  return id;
}
