import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { notifications } from "../../../../../db/tenant/schema";
import type {
  NotificationsPage,
  UnreadCountView,
} from "../../../../shared/src/contracts/notifications";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { shownTo, unreadCountOf } from "./queries";
import { notificationView } from "./views";

/** The signed-in member's notifications, newest shown first, with how many are unread. */
export async function listNotifications({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined };
}): Promise<NotificationsPage> {
  const { memberId } = requireMember(ctx.actor);
  let before: SQL | undefined;
  if (input.cursor !== undefined) {
    const [ms, id] = decodeCursor(input.cursor, timeIdKey);
    const at = new Date(ms);
    before = or(
      lt(notifications.visibleFrom, at),
      and(eq(notifications.visibleFrom, at), lt(notifications.id, id)),
    );
  }
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(and(shownTo(memberId, ctx.now), before))
    .orderBy(desc(notifications.visibleFrom), desc(notifications.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.visibleFrom.getTime(), last.id]);
  return {
    items: page.items.map(notificationView),
    nextCursor: page.nextCursor,
    unread: await unreadCountOf(ctx.db, memberId, ctx.now),
  };
}

/** What the bell shows: one count over the member's index. */
export async function countUnread({ ctx }: { ctx: TenantCtx }): Promise<UnreadCountView> {
  const { memberId } = requireMember(ctx.actor);
  return { unread: await unreadCountOf(ctx.db, memberId, ctx.now) };
}
