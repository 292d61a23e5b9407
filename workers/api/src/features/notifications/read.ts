import { and, eq, isNull } from "drizzle-orm";
import { notifications } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  NotificationView,
  UnreadCountView,
} from "../../../../shared/src/contracts/notifications";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { shownTo } from "./queries";
import { notificationView } from "./views";

/**
 * Marks one of the member's shown notifications read; reading it again keeps the first time.
 * Another member's notification, or one not shown yet, is "not found": its id reveals nothing.
 */
export async function markRead({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<NotificationView> {
  const { memberId } = requireMember(ctx.actor);
  const mine = and(eq(notifications.id, input.id), shownTo(memberId, ctx.now));
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(mine, isNull(notifications.readAt)));
  const [row] = await ctx.db.select().from(notifications).where(mine);
  if (!row) throw new AppError("not_found", `You have no notification with the id "${input.id}".`);
  return notificationView(row);
}

/** Marks every notification shown to the member read; those still to come stay unread. */
export async function markAllRead({ ctx }: { ctx: TenantCtx }): Promise<UnreadCountView> {
  const { memberId } = requireMember(ctx.actor);
  await ctx.db
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(shownTo(memberId, ctx.now), isNull(notifications.readAt)));
  return { unread: 0 };
}
