import { and, asc, eq, gt } from "drizzle-orm";
import { type Member, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { MemberStatus, MemberView } from "../../../../shared/src/contracts/members";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, idKey, pageOf } from "../../http/pagination";

const viewColumns = {
  id: members.id,
  email: members.email,
  displayName: members.displayName,
  role: members.role,
  status: members.status,
  timeZone: members.timeZone,
};

export async function listMembers({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined; status?: MemberStatus | undefined };
}): Promise<Page<MemberView>> {
  authorize(ctx.actor, "members:read");
  const rows = await ctx.db
    .select(viewColumns)
    .from(members)
    .where(
      and(
        input.cursor ? gt(members.id, decodeCursor(input.cursor, idKey)[0]) : undefined,
        input.status ? eq(members.status, input.status) : undefined,
      ),
    )
    .orderBy(asc(members.id))
    .limit(input.limit + 1);
  return pageOf(rows, input.limit, (last) => [last.id]);
}

/** Another tenant's ids are simply absent: each tenant has its own database. */
export async function findMember(db: TenantDb, id: string): Promise<Member> {
  const [member] = await db.select().from(members).where(eq(members.id, id));
  if (!member) throw new AppError("not_found", `No member has the id "${id}".`);
  return member;
}
