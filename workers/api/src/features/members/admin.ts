import { and, eq, exists, isNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { invitations, type Member, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MemberRole, MemberView } from "../../../../shared/src/contracts/members";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { revokeMemberSessions } from "../identity";
import { authorizeRoles } from "./admin-grant";
import { findMember } from "./queries";
import { memberView } from "./views";

/**
 * True while the member is not an active admin, or another active admin remains. Part of the
 * UPDATE's own WHERE, so two admins demoting each other at once cannot both succeed.
 */
function leavesAnActiveAdmin(db: TenantDb, id: string) {
  const others = alias(members, "others");
  return or(
    ne(members.role, "admin"),
    ne(members.status, "active"),
    exists(
      db
        .select({ id: others.id })
        .from(others)
        .where(and(eq(others.role, "admin"), eq(others.status, "active"), ne(others.id, id))),
    ),
  );
}

const lastAdmin = () =>
  new AppError(
    "conflict",
    "This is the organization's last active admin; make someone else an admin first.",
  );

/** The audit entry of an admin's change to a member, written in the change's transaction. */
function auditMemberChange(
  ctx: TenantCtx,
  tx: Pick<TenantDb, "insert">,
  action: string,
  member: Member,
  detail: Record<string, unknown>,
) {
  return auditInsert(
    { ...ctx, db: tx },
    { action, subjectType: "member", subjectId: member.id, detail },
  );
}

export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string; role: MemberRole };
}): Promise<MemberView> {
  authorize(ctx.actor, "members:write");
  const before = await findMember(ctx.db, input.id);
  if (before.role === input.role) return memberView(before);
  authorizeRoles(ctx.actor, [before.role, input.role]);
  // One transaction: the change, the invitation it must follow and its audit entry commit
  // together or not at all.
  const after = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(members)
      .set({ role: input.role, updatedAt: ctx.now })
      .where(and(eq(members.id, before.id), leavesAnActiveAdmin(ctx.db, before.id)))
      .returning();
    if (!updated) throw lastAdmin();
    if (updated.status === "invited") {
      // Accepting keeps the member row's role; the invitation shows the same one meanwhile.
      await tx
        .update(invitations)
        .set({ role: input.role })
        .where(and(eq(invitations.email, updated.email), isNull(invitations.acceptedAt)));
    }
    await auditMemberChange(ctx, tx, "member.role_change", updated, {
      email: updated.email,
      before: { role: before.role },
      after: { role: updated.role },
    });
    return updated;
  });
  return memberView(after);
}

/** Ends the member's sessions at once; their data stays, and reactivating restores access. */
export async function deactivateMember({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<MemberView> {
  authorize(ctx.actor, "members:write");
  const before = await findMember(ctx.db, input.id);
  if (before.status === "deactivated") return memberView(before);
  if (before.status === "invited") {
    throw new AppError(
      "conflict",
      "This person has not joined yet; revoke the invitation instead.",
    );
  }
  const after = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(members)
      .set({ status: "deactivated", deactivatedAt: ctx.now, updatedAt: ctx.now })
      .where(
        and(
          eq(members.id, before.id),
          eq(members.status, "active"),
          leavesAnActiveAdmin(ctx.db, before.id),
        ),
      )
      .returning();
    if (!updated) throw lastAdmin();
    await revokeMemberSessions(tx, updated.id, ctx.now);
    await auditMemberChange(ctx, tx, "member.deactivate", updated, {
      email: updated.email,
      role: updated.role,
    });
    return updated;
  });
  return memberView(after);
}

export async function reactivateMember({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<MemberView> {
  authorize(ctx.actor, "members:write");
  const before = await findMember(ctx.db, input.id);
  if (before.status === "active") return memberView(before);
  if (before.status === "invited") {
    throw new AppError(
      "conflict",
      "This person has not joined yet; there is nothing to reactivate.",
    );
  }
  const after = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(members)
      .set({ status: "active", deactivatedAt: null, updatedAt: ctx.now })
      .where(and(eq(members.id, before.id), eq(members.status, "deactivated")))
      .returning();
    if (!updated) return null;
    await auditMemberChange(ctx, tx, "member.reactivate", updated, {
      email: updated.email,
      role: updated.role,
    });
    return updated;
  });
  // Someone else reactivated them a moment ago: the outcome asked for holds.
  return memberView(after ?? (await findMember(ctx.db, before.id)));
}
