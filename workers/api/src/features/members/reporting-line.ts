import { eq } from "drizzle-orm";
import { memberProfiles } from "../../../../../db/tenant/schema";
import type { ReportingLineView } from "../../../../shared/src/contracts/members";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import { findMember } from "./queries";

async function view(ctx: TenantCtx, memberId: string, reportsTo: string | null) {
  const manager = reportsTo ? await findMember(ctx.db, reportsTo).catch(() => null) : null;
  return {
    memberId,
    reportsTo: manager ? { id: manager.id, displayName: manager.displayName } : null,
  } satisfies ReportingLineView;
}

export async function getReportingLine({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<ReportingLineView> {
  authorize(ctx.actor, "members:read");
  const member = await findMember(ctx.db, input.id);
  const [profile] = await ctx.db
    .select({ reportsTo: memberProfiles.reportsTo })
    .from(memberProfiles)
    .where(eq(memberProfiles.memberId, member.id));
  return view(ctx, member.id, profile?.reportsTo ?? null);
}

/**
 * Admins (or an HR integration) say who a member reports to, or that nobody does; matching
 * then never pairs the two when the program's rules keep reporting lines apart.
 */
export async function setReportingLine({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string; reportsTo: string | null };
}): Promise<ReportingLineView> {
  authorize(ctx.actor, "members:write");
  const member = await findMember(ctx.db, input.id);
  if (input.reportsTo === member.id) {
    throw invalidField("reportsTo", "A member cannot report to themselves.");
  }
  if (input.reportsTo !== null) {
    await findMember(ctx.db, input.reportsTo).catch(() => {
      throw invalidField("reportsTo", "No member of this organization has that id.");
    });
  }
  const [before] = await ctx.db
    .select({ reportsTo: memberProfiles.reportsTo })
    .from(memberProfiles)
    .where(eq(memberProfiles.memberId, member.id));
  const from = before?.reportsTo ?? null;
  if (from === input.reportsTo) return view(ctx, member.id, from);
  await ctx.db.batch([
    ctx.db
      .insert(memberProfiles)
      .values({
        memberId: member.id,
        interests: [],
        skills: [],
        languages: [],
        reportsTo: input.reportsTo,
        updatedAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: memberProfiles.memberId,
        set: { reportsTo: input.reportsTo, updatedAt: ctx.now },
      }),
    auditInsert(ctx, {
      action: "member.reporting_line",
      subjectType: "member",
      subjectId: member.id,
      detail: { before: { reportsTo: from }, after: { reportsTo: input.reportsTo } },
    }),
  ]);
  return view(ctx, member.id, input.reportsTo);
}
