import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { invitations, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import { isUniqueViolation, type TenantDb } from "../../../../shared/src/platform/db";
import { type AuditEntry, auditInsert } from "../audit";
import { invitationEmails } from "./emails";
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

/**
 * Members and invitations in one transaction with `follow` (their emails' outbox rows and
 * audit entries): either every row of the plan exists, its emails on their way, or none.
 */
async function write(
  ctx: IssueCtx,
  planned: readonly Planned[],
  follow: readonly BatchItem<"sqlite">[],
): Promise<void> {
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
  statements.push(...follow);
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

/**
 * Writes the plan, its emails (sent afterwards from the outbox), its audit entries and any
 * `also` statements the caller's change needs, all in one batch: all of it or none.
 */
export async function issueInvitations(
  ctx: IssueCtx,
  planned: readonly Planned[],
  note: Record<string, unknown> = {},
  also: readonly BatchItem<"sqlite">[] = [],
): Promise<void> {
  if (planned.length === 0) return;
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
  await write(ctx, planned, [
    ...(await invitationEmails(ctx, planned)),
    ...entries.map((entry) => auditInsert(ctx, entry)),
    ...also,
  ]);
}
