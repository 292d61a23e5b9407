import { and, eq } from "drizzle-orm";
import { members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  ChangePasswordInput,
  MeView,
  UpdateMeInput,
} from "../../../../shared/src/contracts/me";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import type { Credentials } from "./credentials";
import { revokeMemberSessions } from "./session-revocation";
import { confirmPassword } from "./sign-in";
import { loadMember, meView } from "./views";

export async function getMe({ ctx }: { ctx: TenantCtx }): Promise<MeView> {
  const member = await loadMember(ctx.db, requireMember(ctx.actor).memberId);
  return meView(member, ctx.tenant);
}

export async function updateMe({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: UpdateMeInput;
}): Promise<MeView> {
  const { memberId } = requireMember(ctx.actor);
  const changes = {
    ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
    ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
  };
  if (Object.keys(changes).length > 0) {
    await ctx.db
      .update(members)
      .set({ ...changes, updatedAt: ctx.now })
      .where(eq(members.id, memberId));
  }
  return meView(await loadMember(ctx.db, memberId), ctx.tenant);
}

/**
 * Replaces the password after checking the current one, and ends every other session: the
 * sign-in making the change (named by its access token) stays.
 */
export async function changePassword({
  ctx,
  input,
  credentials,
}: {
  ctx: TenantCtx;
  input: ChangePasswordInput;
  credentials: Credentials;
}): Promise<void> {
  const actor = requireMember(ctx.actor);
  const member = await loadMember(ctx.db, actor.memberId);
  await confirmPassword(ctx, credentials, member, input.currentPassword, "currentPassword");
  const passwordHash = await credentials.hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    // Only over the hash just checked: a concurrent change must not be silently overwritten.
    const [changed] = await tx
      .update(members)
      .set({ passwordHash, updatedAt: ctx.now })
      .where(and(eq(members.id, member.id), eq(members.passwordHash, member.passwordHash ?? "")))
      .returning({ id: members.id });
    if (!changed) throw new AppError("conflict", "Your password changed meanwhile; try again.");
    await revokeMemberSessions(tx, member.id, ctx.now, { exceptSession: actor.sessionId });
    await auditInsert(
      { ...ctx, db: tx },
      { action: "member.password_change", subjectType: "member", subjectId: member.id },
    );
  });
}
