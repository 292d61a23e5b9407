import { and, eq, gt, isNull } from "drizzle-orm";
import { invitations, members, refreshTokens } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  InvitationAcceptInput,
  InvitationLookupView,
} from "../../../../shared/src/contracts/identity";
import { hashToken } from "../../../../shared/src/security/opaque-tokens";
import type { OrgCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import {
  type Credentials,
  type IssuedSession,
  memberActor,
  newRefreshToken,
  signSession,
} from "../identity";

const invitationGone = () =>
  new AppError(
    "not_found",
    "This invitation is invalid, already used, withdrawn or expired; ask for a new one.",
  );

/** An invitation that can still be accepted, and the invited member it is for. */
async function openInvitation(ctx: OrgCtx, token: string) {
  const [invitation] = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, await hashToken(token)));
  if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw invitationGone();
  if (invitation.expiresAt.getTime() <= ctx.now.getTime()) throw invitationGone();
  const [member] = await ctx.db
    .select()
    .from(members)
    .where(and(eq(members.email, invitation.email), eq(members.status, "invited")));
  if (!member) throw invitationGone();
  return { invitation, member };
}

/** What the accept page shows before the invitee chooses a password. */
export async function lookupInvitation({
  ctx,
  input,
}: {
  ctx: OrgCtx;
  input: { token: string };
}): Promise<InvitationLookupView> {
  const { invitation } = await openInvitation(ctx, input.token);
  return {
    email: invitation.email,
    displayName: invitation.displayName,
    role: invitation.role,
    organization: { slug: ctx.tenant.slug, name: ctx.tenant.name },
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/** Sets the password, activates the member, spends the invitation and signs them in. */
export async function acceptInvitation({
  ctx,
  input,
  credentials,
}: {
  ctx: OrgCtx;
  input: InvitationAcceptInput;
  credentials: Credentials;
}): Promise<IssuedSession> {
  const { invitation, member } = await openInvitation(ctx, input.token);
  const passwordHash = await credentials.hashPassword(input.password);
  const familyId = crypto.randomUUID();
  const refresh = await newRefreshToken(ctx, member.id, familyId);
  // Of two concurrent accepts one wins; the other finds the invitation spent and rolls back.
  const activated = await ctx.db.transaction(async (tx) => {
    const [spent] = await tx
      .update(invitations)
      .set({ acceptedAt: ctx.now })
      .where(
        and(
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, ctx.now),
        ),
      )
      .returning({ id: invitations.id });
    const [updated] = spent
      ? await tx
          .update(members)
          .set({
            passwordHash,
            status: "active",
            displayName: input.displayName ?? member.displayName,
            lastSignInAt: ctx.now,
            updatedAt: ctx.now,
          })
          .where(and(eq(members.id, member.id), eq(members.status, "invited")))
          .returning()
      : [];
    if (!updated) throw invitationGone();
    await tx.insert(refreshTokens).values(refresh.row);
    await auditInsert(
      { ...ctx, db: tx, actor: memberActor(updated) },
      {
        action: "member.accept_invitation",
        subjectType: "member",
        subjectId: updated.id,
        detail: { invitationId: invitation.id, role: updated.role, sessionId: familyId },
      },
    );
    return updated;
  });
  return {
    session: await signSession(ctx, credentials, activated, familyId),
    refreshToken: refresh.token,
  };
}
