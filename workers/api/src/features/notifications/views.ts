import type { notifications } from "../../../../../db/tenant/schema";
import type { NotificationView } from "../../../../shared/src/contracts/notifications";

type NotificationRow = typeof notifications.$inferSelect;

/** A notification as its member sees it; its time is when it was shown, not when written. */
export function notificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.visibleFrom.toISOString(),
    read: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
  };
}
