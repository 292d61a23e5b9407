import { and, eq } from "drizzle-orm";
import * as v from "valibot";
import { members } from "../../../../../db/tenant/schema";
import { displayName } from "../../../../shared/src/contracts/display-name";
import { AppError } from "../../../../shared/src/contracts/errors";
import { requireMember } from "../../../../shared/src/security/actor";
import { newPassword, offeredPassword } from "../../../../shared/src/security/passwords";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import type { Credentials } from "./credentials";
import { revokeMemberSessions } from "./session-revocation";
import { confirmPassword } from "./sign-in";
import { loadMember, type MeView, meView } from "./views";

/** The canonical spelling of an IANA zone ("europe/paris" → "Europe/Paris"), or null. */
export function canonicalTimeZone(zone: string): string | null {
  // Offsets like "+02:00" are accepted by newer engines but are not IANA zone names.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const timeZone = v.pipe(
  v.string("Time zone must be text."),
  v.trim(),
  v.maxLength(64, "Time zone must be at most 64 characters."),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const zone = canonicalTimeZone(dataset.value);
    if (zone) return zone;
    addIssue({ message: 'Time zone must be an IANA zone name, such as "Europe/Berlin".' });
    return NEVER;
  }),
);

export const updateMeInput = v.object({
  displayName: v.optional(displayName),
  timeZone: v.optional(timeZone),
});

export const changePasswordInput = v.object({
  currentPassword: offeredPassword,
  newPassword,
});

export async function getMe({ ctx }: { ctx: TenantCtx }): Promise<MeView> {
  const member = await loadMember(ctx.db, requireMember(ctx.actor).memberId);
  return meView(member, ctx.tenant);
}

export async function updateMe({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: v.InferOutput<typeof updateMeInput>;
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
  input: v.InferOutput<typeof changePasswordInput>;
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
