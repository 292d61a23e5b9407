import { asc, gt } from "drizzle-orm";
import { members } from "../../../../db/tenant/schema";
import { authorize } from "../../../shared/src/actor";
import type { TenantCtx } from "../app-env";

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface MemberView {
  id: string;
  email: string;
  displayName: string;
  role: "admin" | "member";
  status: "invited" | "active" | "deactivated";
  timeZone: string;
}

export async function listMembers({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined };
}): Promise<Page<MemberView>> {
  authorize(ctx.actor, "members:read");
  const rows = await ctx.db
    .select({
      id: members.id,
      email: members.email,
      displayName: members.displayName,
      role: members.role,
      status: members.status,
      timeZone: members.timeZone,
    })
    .from(members)
    .where(input.cursor ? gt(members.id, input.cursor) : undefined)
    .orderBy(asc(members.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}
