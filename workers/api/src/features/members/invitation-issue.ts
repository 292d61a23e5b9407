import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { invitations, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/errors";
import { isUniqueViolation, type TenantDb } from "../../../../shared/src/platform/db";
import { describeError } from "../../../../shared/src/platform/log";
import { type AuditEntry, auditInsert } from "../audit";
import { sendInvitationEmails } from "./emails";
import type { IssueCtx, Planned } from "./invitation-plan";

function chunks<T>(items: readonly T[], size = 50): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function runBatch(db: TenantDb, statements: BatchItem<"sqlite">[]): Promise<void> {
  if (statements.length === 0) return;
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}

/** Members and invitations in one transaction: either every row of the plan exists or none. */
async function write(ctx: IssueCtx, planned: readonly Planned[]): Promise<void> {
  const { db, now } = ctx;
  const statements: BatchItem<"sqlite">[] = [];
  for (const group of chunks(planned.filter((p) => !p.reused))) {
    const rows = group.map((p) => ({
      id: p.memberId,
      email: p.invitation.email,
      displayName: p.displayName,
      role: p.invitation.role,
      status: "invited" as const,
      createdAt: now,
      updatedAt: now,
    }));
    statements.push(db.insert(members).values(rows));
  }
  for (const p of planned.filter((p) => p.reused)) {
    statements.push(
      db
        .update(members)
        .set({ role: p.invitation.role, displayName: p.displayName, updatedAt: now })
        .where(and(eq(members.id, p.memberId), eq(members.status, "invited"))),
    );
  }
  for (const group of chunks(planned)) {
    const rows = group.map((p) => ({ ...p.invitation, tokenHash: p.tokenHash }));
    statements.push(db.insert(invitations).values(rows));
  }
  try {
    await runBatch(db, statements);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new AppError(
      "conflict",
      "Someone invited the same address at the same moment; reload and try again.",
    );
  }
}

/** Takes back a plan whose email could not be sent, as if it had never been written. */
async function undo(ctx: IssueCtx, planned: readonly Planned[]): Promise<void> {
  const { db } = ctx;
  const statements: BatchItem<"sqlite">[] = [];
  for (const group of chunks(planned)) {
    const ids = group.map((p) => p.invitation.id);
    statements.push(db.delete(invitations).where(inArray(invitations.id, ids)));
    const fresh = group.filter((p) => !p.reused).map((p) => p.memberId);
    if (fresh.length > 0) {
      statements.push(
        db.delete(members).where(and(inArray(members.id, fresh), eq(members.status, "invited"))),
      );
    }
  }
  for (const p of planned) {
    if (!p.reused) continue;
    statements.push(
      db
        .update(members)
        .set(p.reused)
        .where(and(eq(members.id, p.memberId), eq(members.status, "invited"))),
    );
  }
  await runBatch(db, statements);
}

/**
 * Writes, emails, then audits. Rows are written before sending because an email cannot be
 * taken back while rows can: if any email fails, every row of this call is removed again
 * (links already delivered then lead nowhere) and the mail error travels to the caller.
 */
export async function issueInvitations(
  ctx: IssueCtx,
  planned: readonly Planned[],
  note: Record<string, unknown> = {},
): Promise<void> {
  if (planned.length === 0) return;
  await write(ctx, planned);
  try {
    await sendInvitationEmails(ctx, planned);
  } catch (err) {
    await undo(ctx, planned).catch((undoErr) =>
      ctx.log.warn("unsent invitations could not be removed", {
        tenant: ctx.tenant.slug,
        error: describeError(undoErr),
      }),
    );
    throw err;
  }
  const client = ctx.actor?.kind === "client" ? { clientId: ctx.actor.clientId } : {};
  const entries: AuditEntry[] = planned.map((p) => ({
    action: "member.invite",
    subjectType: "member",
    subjectId: p.memberId,
    detail: {
      email: p.invitation.email,
      role: p.invitation.role,
      invitationId: p.invitation.id,
      ...client,
      ...note,
    },
  }));
  await runBatch(
    ctx.db,
    entries.map((entry) => auditInsert(ctx, entry)),
  );
}
