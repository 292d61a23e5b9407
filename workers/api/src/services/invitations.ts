import { and, asc, eq, gt, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import pLimit from "p-limit";
import type { Tenant } from "../../../../db/control/schema";
import { invitations, members } from "../../../../db/tenant/schema";
import { type Actor, authorize } from "../../../shared/src/actor";
import type { TenantDb } from "../../../shared/src/db";
import { AppError } from "../../../shared/src/errors";
import {
  type CheckedRow,
  checkInvitationRows,
  type InvitationInput,
  invitationInput,
  type MemberRole,
  type RowError,
} from "../../../shared/src/invitation-input";
import { emailLink } from "../../../shared/src/links";
import { describeError } from "../../../shared/src/log";
import type { MailMessage } from "../../../shared/src/mail";
import { newOpaqueToken } from "../../../shared/src/opaque-tokens";
import type { Platform } from "../../../shared/src/platform";
import { parseInput } from "../../../shared/src/validate";
import type { RequestOrigin, TenantCtx } from "../app-env";
import type { AuditEntry } from "./audit";
import { auditInsert } from "./audit-statement";
import type { Page } from "./members";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** What issuing needs. No HTTP request in it, so the CLI can invite a tenant's first admin. */
interface IssueCtx {
  platform: Platform;
  tenant: Tenant;
  db: TenantDb;
  now: Date;
  origin: RequestOrigin;
  /** Null when an operator provisions the first admin: the audit log then names the system. */
  actor: Actor | null;
}

export interface InvitationView {
  id: string;
  email: string;
  role: MemberRole;
  displayName: string | null;
  /** Member id of the inviting admin; null for integrations and the operator's first admin. */
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
}

const viewColumns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  displayName: invitations.displayName,
  invitedBy: invitations.invitedBy,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
};

/** An invitation that can still be accepted. */
const pendingAt = (now: Date) =>
  and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, now),
  );

/** An invitation about to be written and sent. */
interface Planned {
  row: number;
  memberId: string;
  /** An invited member row left by a lapsed invitation: reused, and restored on undo. */
  reused: { role: MemberRole; displayName: string } | null;
  displayName: string;
  view: InvitationView;
  /** Sent in the link; only its hash is stored. */
  token: string;
  tokenHash: string;
}

/**
 * Splits rows into those that may be invited and a conflict per row that may not: active
 * and deactivated members, and addresses with a pending invitation (other than `replacing`).
 */
async function plan(
  ctx: IssueCtx,
  rows: readonly CheckedRow[],
  replacing?: string,
): Promise<{ planned: Planned[]; conflicts: RowError[] }> {
  const emails = rows.map((r) => r.input.email);
  const found = new Map<string, { id: string; status: string; role: MemberRole; name: string }>();
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
  const conflicts: RowError[] = [];
  const planned: Planned[] = [];
  for (const { row, input } of rows) {
    const member = found.get(input.email);
    const conflict =
      member?.status === "active"
        ? `${input.email} is already a member of this organization.`
        : member?.status === "deactivated"
          ? `${input.email} belongs to a deactivated member; reactivate them instead.`
          : pending.has(input.email)
            ? `${input.email} already has a pending invitation; resend or revoke it instead.`
            : null;
    if (conflict) {
      conflicts.push({ row, field: "email", message: conflict });
      continue;
    }
    const { token, hash } = await newOpaqueToken();
    const displayName = input.displayName ?? member?.name ?? input.email.split("@")[0]!;
    planned.push({
      row,
      memberId: member?.id ?? crypto.randomUUID(),
      reused: member ? { role: member.role, displayName: member.name } : null,
      displayName,
      token,
      tokenHash: hash,
      view: {
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

function chunks<T>(items: readonly T[], size = 50): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function runBatch(db: TenantDb, statements: BatchItem<"sqlite">[]): Promise<void> {
  if (statements.length === 0) return;
  await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; depth++) {
    if (/UNIQUE constraint failed/i.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Members and invitations in one transaction: either every row of the plan exists or none. */
async function write(ctx: IssueCtx, planned: readonly Planned[]): Promise<void> {
  const { db, now } = ctx;
  const statements: BatchItem<"sqlite">[] = [];
  for (const group of chunks(planned.filter((p) => !p.reused))) {
    const rows = group.map((p) => ({
      id: p.memberId,
      email: p.view.email,
      displayName: p.displayName,
      role: p.view.role,
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
        .set({ role: p.view.role, displayName: p.displayName, updatedAt: now })
        .where(and(eq(members.id, p.memberId), eq(members.status, "invited"))),
    );
  }
  for (const group of chunks(planned)) {
    const rows = group.map((p) => ({ ...p.view, tokenHash: p.tokenHash }));
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
    const ids = group.map((p) => p.view.id);
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

const expiryFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Names go into subjects: one line, whatever an admin typed. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

function invitationMail(
  ctx: IssueCtx,
  p: Planned,
  inviter: string | null,
  firstAdmin: boolean,
): MailMessage {
  const org = oneLine(ctx.tenant.name);
  const link = emailLink(ctx.platform.publicUrl, ctx.tenant.slug, "accept", p.token);
  const greeting = p.view.displayName ? `Hi ${oneLine(p.view.displayName)},` : "Hi,";
  const opening = firstAdmin
    ? `${org} now has a home on Tandem, and you're invited as its first admin: you'll set up ` +
      "its mentoring programs and invite the people who take part."
    : `${inviter ?? `The team at ${org}`} invited you to join ${org} on Tandem.`;
  const asAdmin =
    p.view.role === "admin" && !firstAdmin
      ? "You'll join as an admin, so you can also run programs and invite people."
      : "";
  const askAgain = firstAdmin
    ? "the person who set up Tandem for you"
    : (inviter ?? `an admin of ${org}`);
  // One line per paragraph: mail clients wrap plain text to the screen, hard breaks do not.
  const paragraphs = [
    greeting,
    opening,
    `Tandem helps ${org} run peer mentoring: people are paired as mentor and mentee, agree ` +
      "how they'll work together, and keep their check-ins in one place.",
    ...(asAdmin ? [asAdmin] : []),
    "To accept, open this link and choose a password:",
    link,
    `The link works once, until ${expiryFormat.format(p.view.expiresAt)} UTC. If it has ` +
      `expired by the time you get to it, ask ${askAgain} to send a new one.`,
    "Not expecting this? You can ignore this email; nothing happens unless you accept.",
    "Tandem",
  ];
  return {
    to: p.view.email,
    subject: firstAdmin
      ? `Set up ${org} on Tandem`
      : inviter
        ? `${inviter} invited you to ${org} on Tandem`
        : `You're invited to join ${org} on Tandem`,
    text: `${paragraphs.join("\n\n")}\n`,
  };
}

async function inviterName(ctx: IssueCtx): Promise<string | null> {
  if (ctx.actor?.kind !== "member") return null;
  const [me] = await ctx.db
    .select({ name: members.displayName })
    .from(members)
    .where(eq(members.id, ctx.actor.memberId));
  return me?.name ? oneLine(me.name) : null;
}

/** A few at a time; after the first failure no further email is started. */
async function sendAll(ctx: IssueCtx, planned: readonly Planned[], firstAdmin: boolean) {
  const inviter = await inviterName(ctx);
  const limit = pLimit(4);
  const failure: { error?: unknown } = {};
  await Promise.all(
    planned.map((p) =>
      limit(async () => {
        if ("error" in failure) return;
        try {
          await ctx.platform.mail.send(invitationMail(ctx, p, inviter, firstAdmin));
        } catch (err) {
          if (!("error" in failure)) failure.error = err;
        }
      }),
    ),
  );
  if ("error" in failure) throw failure.error;
}

/**
 * Writes, emails, then audits. Rows are written before sending because an email cannot be
 * taken back while rows can: if any email fails, every row of this call is removed again
 * (links already delivered then lead nowhere) and the mail error travels to the caller.
 */
async function issue(
  ctx: IssueCtx,
  planned: readonly Planned[],
  note: Record<string, unknown> = {},
): Promise<void> {
  if (planned.length === 0) return;
  await write(ctx, planned);
  try {
    await sendAll(ctx, planned, ctx.actor === null);
  } catch (err) {
    await undo(ctx, planned).catch((undoErr) =>
      ctx.platform.log.warn("unsent invitations could not be removed", {
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
    detail: { email: p.view.email, role: p.view.role, invitationId: p.view.id, ...client, ...note },
  }));
  await runBatch(
    ctx.db,
    entries.map((entry) => auditInsert(ctx, entry)),
  );
}

export async function createInvitation({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: InvitationInput;
}): Promise<InvitationView> {
  authorize(ctx.actor, "members:write");
  const { planned, conflicts } = await plan(ctx, [{ row: 1, input }]);
  if (conflicts[0]) throw new AppError("conflict", conflicts[0].message);
  await issue(ctx, planned);
  return planned[0]!.view;
}

function describeRowErrors(errors: readonly RowError[]): string {
  const shown = errors.slice(0, 5).map((e) => `Row ${e.row}: ${e.message}`);
  const more = errors.length > 5 ? ` And ${errors.length - 5} more.` : "";
  return `Nothing was created. ${shown.join(" ")}${more}`;
}

/**
 * Checks every row first. `all_or_nothing` creates nothing when any row is wrong; `valid_only`
 * invites the good rows and reports the rest. Errors name rows from 1; in the 400 problem
 * each is a path into the body, `rows.<index>.<field>`, indexes counting from 0.
 */
export async function bulkInvite({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { rows: unknown[]; mode: "all_or_nothing" | "valid_only" };
}): Promise<{ created: InvitationView[]; errors: RowError[] }> {
  authorize(ctx.actor, "members:write");
  const checked = checkInvitationRows(input.rows);
  const { planned, conflicts } = await plan(ctx, checked.valid);
  const errors = [...checked.errors, ...conflicts].sort((a, b) => a.row - b.row);
  if (input.mode === "all_or_nothing" && errors.length > 0) {
    throw new AppError("validation", describeRowErrors(errors), {
      errors: errors.map((e) => ({
        field: e.field ? `rows.${e.row - 1}.${e.field}` : `rows.${e.row - 1}`,
        message: e.message,
      })),
    });
  }
  await issue(ctx, planned, { bulk: true });
  return { created: planned.map((p) => p.view), errors };
}

export async function listInvitations({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { limit: number; cursor?: string | undefined };
}): Promise<Page<InvitationView>> {
  authorize(ctx.actor, "members:read");
  const rows = await ctx.db
    .select(viewColumns)
    .from(invitations)
    .where(and(pendingAt(ctx.now), input.cursor ? gt(invitations.id, input.cursor) : undefined))
    .orderBy(asc(invitations.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? items.at(-1)!.id : null };
}

async function findInvitation(ctx: TenantCtx, id: string) {
  const [invitation] = await ctx.db.select().from(invitations).where(eq(invitations.id, id));
  if (!invitation) throw new AppError("not_found", `No invitation has the id "${id}".`);
  if (invitation.acceptedAt) {
    throw new AppError(
      "conflict",
      "This invitation was already accepted; deactivate the member instead.",
    );
  }
  return invitation;
}

/**
 * The link stops working at once. The invited member row goes too, unless another pending
 * invitation still points at it; a member who has accepted meanwhile is never touched.
 */
export async function revokeInvitation({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<void> {
  authorize(ctx.actor, "members:write");
  const invitation = await findInvitation(ctx, input.id);
  if (invitation.revokedAt) return;
  const stillPending = ctx.db
    .select({ one: sql`1` })
    .from(invitations)
    .where(and(eq(invitations.email, invitation.email), pendingAt(ctx.now)));
  await ctx.db.batch([
    ctx.db
      .update(invitations)
      .set({ revokedAt: ctx.now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt))),
    ctx.db
      .delete(members)
      .where(
        and(
          eq(members.email, invitation.email),
          eq(members.status, "invited"),
          notExists(stillPending),
        ),
      ),
    auditInsert(ctx, {
      action: "member.revoke_invitation",
      subjectType: "invitation",
      subjectId: invitation.id,
      detail: { email: invitation.email },
    }),
  ]);
}

/** A fresh link for the same person and role; the old link stops working once it is sent. */
export async function resendInvitation({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<InvitationView> {
  authorize(ctx.actor, "members:write");
  const old = await findInvitation(ctx, input.id);
  const again = parseInput(invitationInput, {
    email: old.email,
    role: old.role,
    displayName: old.displayName ?? undefined,
  });
  const { planned, conflicts } = await plan(ctx, [{ row: 1, input: again }], old.id);
  if (conflicts[0]) throw new AppError("conflict", conflicts[0].message);
  await issue(ctx, planned, { resentFrom: old.id });
  await ctx.db
    .update(invitations)
    .set({ revokedAt: ctx.now })
    .where(and(eq(invitations.id, old.id), isNull(invitations.revokedAt)));
  return planned[0]!.view;
}

/**
 * Invites a new tenant's first admin on behalf of an operator (CLI or operator API), with no
 * HTTP request and no signed-in actor. Returns the link so the operator can hand it over too.
 */
export async function inviteFirstAdmin({
  platform,
  tenant,
  email,
  now,
  operator,
}: {
  platform: Platform;
  tenant: Tenant;
  email: string;
  now: Date;
  /** Who asked, e.g. "cli:alice", noted in the tenant's audit log. */
  operator?: string;
}): Promise<{ email: string; link: string }> {
  if (tenant.status === "provisioning") {
    throw new AppError("conflict", `Tenant "${tenant.slug}" is still being provisioned.`);
  }
  const input = parseInput(invitationInput, { email, role: "admin" });
  const ctx: IssueCtx = {
    platform,
    tenant,
    db: await platform.connections.db(tenant),
    now,
    origin: { ip: null, userAgent: null },
    actor: null,
  };
  const { planned, conflicts } = await plan(ctx, [{ row: 1, input }]);
  if (conflicts[0]) throw new AppError("conflict", conflicts[0].message);
  await issue(ctx, planned, operator ? { operator } : {});
  const link = emailLink(platform.publicUrl, tenant.slug, "accept", planned[0]!.token);
  return { email: input.email, link };
}
