import { and, asc, eq, exists, gt, isNull, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { invitations, type Member, members } from "../../../../db/tenant/schema";
import { authorize } from "../../../shared/src/actor";
import type { TenantDb } from "../../../shared/src/db";
import { AppError } from "../../../shared/src/errors";
import type { MemberRole } from "../../../shared/src/invitation-input";
import type { TenantCtx } from "../app-env";
import { auditInsert } from "./audit-statement";
import { revokeMemberSessions } from "./session-revocation";

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const memberStatuses = ["invited", "active", "deactivated"] as const;
export type MemberStatus = (typeof memberStatuses)[number];

export interface MemberView {
  id: string;
  email: string;
  displayName: string;
  role: MemberRole;
  status: MemberStatus;
  timeZone: string;
}

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
        input.cursor ? gt(members.id, input.cursor) : undefined,
        input.status ? eq(members.status, input.status) : undefined,
      ),
    )
    .orderBy(asc(members.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}

/** Another tenant's ids are simply absent: each tenant has its own database. */
async function findMember(db: TenantDb, id: string): Promise<Member> {
  const [member] = await db.select().from(members).where(eq(members.id, id));
  if (!member) throw new AppError("not_found", `No member has the id "${id}".`);
  return member;
}

const view = ({ id, email, displayName, role, status, timeZone }: Member): MemberView => ({
  id,
  email,
  displayName,
  role,
  status,
  timeZone,
});

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

export async function changeMemberRole({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string; role: MemberRole };
}): Promise<MemberView> {
  authorize(ctx.actor, "members:write");
  const before = await findMember(ctx.db, input.id);
  if (before.role === input.role) return view(before);
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
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "member.role_change",
        subjectType: "member",
        subjectId: updated.id,
        detail: {
          email: updated.email,
          before: { role: before.role },
          after: { role: updated.role },
        },
      },
    );
    return updated;
  });
  return view(after);
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
  if (before.status === "deactivated") return view(before);
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
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "member.deactivate",
        subjectType: "member",
        subjectId: updated.id,
        detail: { email: updated.email, role: updated.role },
      },
    );
    return updated;
  });
  return view(after);
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
  if (before.status === "active") return view(before);
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
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "member.reactivate",
        subjectType: "member",
        subjectId: updated.id,
        detail: { email: updated.email, role: updated.role },
      },
    );
    return updated;
  });
  // Someone else reactivated them a moment ago: the outcome asked for holds.
  return view(after ?? (await findMember(ctx.db, before.id)));
}
