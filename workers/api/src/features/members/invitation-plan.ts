import { and, gt, inArray, isNull } from "drizzle-orm";
import type { Tenant } from "../../../../../db/control/schema";
import { invitations, type Member, members } from "../../../../../db/tenant/schema";
import type { RowError } from "../../../../shared/src/contracts/common/bulk-rows";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  CheckedRow,
  InvitationInput,
  InvitationView,
  MemberRole,
} from "../../../../shared/src/contracts/members";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { OrgLinks } from "../../../../shared/src/platform/links";
import type { Logger } from "../../../../shared/src/platform/log";
import type { Outbox } from "../../../../shared/src/platform/outbox";
import type { Actor } from "../../../../shared/src/security/actor";
import { newOpaqueToken } from "../../../../shared/src/security/opaque-tokens";
import type { RequestOrigin } from "../../http/app-env";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** What issuing needs. No HTTP request in it, so the CLI can invite a tenant's first admin. */
export interface IssueCtx {
  tenant: Tenant;
  db: TenantDb;
  now: Date;
  links: OrgLinks;
  outbox: Outbox;
  log: Logger;
  origin: RequestOrigin;
  /** Null when an operator provisions the first admin: the audit log then names the system. */
  actor: Actor | null;
}

/** An invitation as stored, but for its token's hash and what happens to it later. */
export type InvitationRecord = Omit<
  typeof invitations.$inferSelect,
  "tokenHash" | "acceptedAt" | "revokedAt"
>;

export const invitationView = (r: InvitationRecord): InvitationView => ({
  id: r.id,
  email: r.email,
  role: r.role,
  displayName: r.displayName,
  invitedBy: r.invitedBy,
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
});

/** An invitation that can still be accepted. */
export const pendingAt = (now: Date) =>
  and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );

/** An invitation about to be written and sent. */
export interface Planned {
  row: number;
  memberId: string;
  /** True when an invited member row left by a lapsed invitation is reused for this one. */
  reused: boolean;
  displayName: string;
  invitation: InvitationRecord;
  /** Sent in the link; only its hash is stored. */
  token: string;
  tokenHash: string;
}

interface KnownPerson {
  id: string;
  status: Member["status"];
  role: MemberRole;
  name: string;
}

/** Members and pending invitations already holding these addresses, 100 addresses a query. */
async function findHolders(ctx: IssueCtx, emails: readonly string[], replacing?: string) {
  const found = new Map<string, KnownPerson>();
  const pending = new Set<string>();
  for (let i = 0; i < emails.length; i += 100) {
    const chunk = emails.slice(i, i + 100);
    const [people, open] = await Promise.all([
      ctx.db
        .select({
          id: members.id,
          email: members.email,
          status: members.status,
          role: members.role,
          name: members.displayName,
        })
        .from(members)
        .where(inArray(members.email, chunk)),
      ctx.db
        .select({ id: invitations.id, email: invitations.email })
        .from(invitations)
        .where(and(inArray(invitations.email, chunk), pendingAt(ctx.now))),
    ]);
    for (const person of people) found.set(person.email, person);
    for (const inv of open) if (inv.id !== replacing) pending.add(inv.email);
  }
  return { found, pending };
}

function conflictOf(email: string, member: KnownPerson | undefined, pending: boolean) {
  if (member?.status === "active") return `${email} is already a member of this organization.`;
  if (member?.status === "deactivated") {
    return `${email} belongs to a deactivated member; reactivate them instead.`;
  }
  if (pending) return `${email} already has a pending invitation; resend or revoke it instead.`;
  return null;
}

/**
 * Splits rows into those that may be invited and a conflict per row that may not: active
 * and deactivated members, and addresses with a pending invitation (other than `replacing`).
 */
export async function planInvitations(
  ctx: IssueCtx,
  rows: readonly CheckedRow[],
  replacing?: string,
): Promise<{ planned: Planned[]; conflicts: RowError[] }> {
  const { found, pending } = await findHolders(
    ctx,
    rows.map((r) => r.input.email),
    replacing,
  );
  const conflicts: RowError[] = [];
  const invitable: CheckedRow[] = [];
  for (const checked of rows) {
    const { email } = checked.input;
    const conflict = conflictOf(email, found.get(email), pending.has(email));
    if (conflict) conflicts.push({ row: checked.row, field: "email", message: conflict });
    else invitable.push(checked);
  }
  // All at once: one await per row in turn would queue each behind every other request's work.
  const tokens = await Promise.all(invitable.map(() => newOpaqueToken()));
  const planned: Planned[] = [];
  for (const [i, { row, input }] of invitable.entries()) {
    const member = found.get(input.email);
    const { token, hash } = tokens[i]!;
    const displayName = input.displayName ?? member?.name ?? input.email.split("@")[0]!;
    planned.push({
      row,
      memberId: member?.id ?? crypto.randomUUID(),
      reused: member !== undefined,
      displayName,
      token,
      tokenHash: hash,
      invitation: {
        id: crypto.randomUUID(),
        email: input.email,
        role: input.role,
        displayName: input.displayName ?? null,
        invitedBy: ctx.actor?.kind === "member" ? ctx.actor.memberId : null,
        createdAt: ctx.now,
        expiresAt: new Date(ctx.now.getTime() + invitationLifetimeMs),
      },
    });
  }
  return { planned, conflicts };
}

/** One invitation: its conflict, if any, is the caller's 409. */
export async function planInvitation(
  ctx: IssueCtx,
  input: InvitationInput,
  replacing?: string,
): Promise<Planned> {
  const { planned, conflicts } = await planInvitations(ctx, [{ row: 1, input }], replacing);
  if (conflicts[0]) throw new AppError("conflict", conflicts[0].message);
  return planned[0]!;
}
