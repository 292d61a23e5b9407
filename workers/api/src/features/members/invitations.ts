import { and, asc, eq, gt, isNull, notExists, sql } from "drizzle-orm";
import type { Tenant } from "../../../../../db/control/schema";
import { invitations, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import { parseInput } from "../../../../shared/src/contracts/common/validate";
import {
  type InvitationInput,
  type InvitationView,
  invitationInput,
} from "../../../../shared/src/contracts/members";
import { orgLinks } from "../../../../shared/src/platform/links";
import { createOutbox } from "../../../../shared/src/platform/outbox";
import type { Platform } from "../../../../shared/src/platform/platform";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, idKey, pageOf } from "../../http/pagination";
import { auditInsert } from "../audit";
import { authorizeRoles } from "./admin-grant";
import { issueInvitations } from "./invitation-issue";
import { type IssueCtx, invitationView, pendingAt, planInvitation } from "./invitation-plan";

const viewColumns = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  displayName: invitations.displayName,
  invitedBy: invitations.invitedBy,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
};

export async function createInvitation({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: InvitationInput;
}): Promise<InvitationView> {
  authorizeRoles(ctx.actor, [input.role]);
  const planned = await planInvitation(ctx, input);
  await issueInvitations(ctx, [planned]);
  return invitationView(planned.invitation);
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
    .where(
      and(
        pendingAt(ctx.now),
        input.cursor ? gt(invitations.id, decodeCursor(input.cursor, idKey)[0]) : undefined,
      ),
    )
    .orderBy(asc(invitations.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.id]);
  return { ...page, items: page.items.map(invitationView) };
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
  // A fresh link to an admin's invitation hands out the admin role again.
  authorizeRoles(ctx.actor, [old.role]);
  const again = parseInput(invitationInput, {
    email: old.email,
    role: old.role,
    displayName: old.displayName ?? undefined,
  });
  const planned = await planInvitation(ctx, again, old.id);
  // The new link and the old one's end commit together: never two live links, never none.
  const revokeOld = ctx.db
    .update(invitations)
    .set({ revokedAt: ctx.now })
    .where(and(eq(invitations.id, old.id), isNull(invitations.revokedAt)));
  await issueInvitations(ctx, [planned], { resentFrom: old.id }, [revokeOld]);
  return invitationView(planned.invitation);
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
  const links = orgLinks(platform.publicUrl, tenant.slug);
  const db = await platform.connections.db(tenant);
  const ctx: IssueCtx = {
    tenant,
    db,
    now,
    links,
    outbox: createOutbox({ db, now, sealKey: platform.sealKey }),
    log: platform.log,
    origin: { ip: null, userAgent: null },
    actor: null,
  };
  const planned = await planInvitation(ctx, input);
  await issueInvitations(ctx, [planned], operator ? { operator } : {});
  const link = links.email("accept", planned.token);
  return { email: input.email, link };
}
