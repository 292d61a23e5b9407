import { and, eq, isNull } from "drizzle-orm";
import { calendarFeeds } from "../../../../../db/tenant/schema";
import type { CalendarFeedView } from "../../../../shared/src/contracts/relationship/meetings";
import { requireMember } from "../../../../shared/src/security/actor";
import { newOpaqueToken } from "../../../../shared/src/security/opaque-tokens";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";

/** A feed's address: what calendar apps subscribe to, the token its only secret. */
export const feedUrl = (publicUrl: string, slug: string, token: string) =>
  `${publicUrl}/v1/orgs/${encodeURIComponent(slug)}/calendar/${token}.ics`;

/**
 * A new secret calendar address for the signed-in member. The token is shown once and only
 * its hash kept; the previous address stops working, so handing out a new one is also how a
 * member shuts out whoever saw the old one.
 */
export async function createCalendarFeed({
  ctx,
  publicUrl,
}: {
  ctx: TenantCtx;
  publicUrl: string;
}): Promise<CalendarFeedView> {
  const { memberId } = requireMember(ctx.actor);
  const { token, hash } = await newOpaqueToken();
  const id = `cal_${crypto.randomUUID().replaceAll("-", "")}`;
  await ctx.db.batch([
    revokeStatement(ctx, memberId),
    ctx.db
      .insert(calendarFeeds)
      .values({ id, memberId, tokenHash: hash, createdAt: ctx.now, revokedAt: null }),
    auditInsert(ctx, {
      action: "calendar_feed.create",
      subjectType: "member",
      subjectId: memberId,
    }),
  ]);
  return { url: feedUrl(publicUrl, ctx.tenant.slug, token) };
}

/** Ends the signed-in member's calendar address, if they have one. */
export async function revokeCalendarFeed({ ctx }: { ctx: TenantCtx }): Promise<void> {
  const { memberId } = requireMember(ctx.actor);
  await ctx.db.batch([
    revokeStatement(ctx, memberId),
    auditInsert(ctx, {
      action: "calendar_feed.revoke",
      subjectType: "member",
      subjectId: memberId,
    }),
  ]);
}

function revokeStatement(ctx: TenantCtx, memberId: string) {
  return ctx.db
    .update(calendarFeeds)
    .set({ revokedAt: ctx.now })
    .where(and(eq(calendarFeeds.memberId, memberId), isNull(calendarFeeds.revokedAt)));
}
