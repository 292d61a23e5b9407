import { and, count, eq, gt } from "drizzle-orm";
import { emailTokens, members } from "../../../../../db/tenant/schema";
import type {
  PasswordResetConfirmInput,
  PasswordResetInput,
} from "../../../../shared/src/contracts/identity";
import { describeError } from "../../../../shared/src/platform/log";
import type { OrgCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import type { Credentials } from "./credentials";
import {
  issueEmailToken,
  openEmailLink,
  retireOpenEmailTokens,
  spendEmailToken,
} from "./email-tokens";
import { passwordResetEmail } from "./emails";
import { clearAccountStatement } from "./login-throttle";
import { revokeMemberSessions } from "./session-revocation";

/** Enough for a lost email or two; more would let anyone flood a member's inbox. */
const maxResetEmailsPerHour = 3;

/**
 * Emails a reset link to an active member with that address (through the outbox); true when
 * an email was queued. The answer never says whether one exists, so failures (unknown
 * address, too many requests) are only logged.
 */
export async function requestPasswordReset({
  ctx,
  input,
}: {
  ctx: OrgCtx;
  input: PasswordResetInput;
}): Promise<boolean> {
  const [member] = await ctx.db
    .select()
    .from(members)
    .where(and(eq(members.email, input.email), eq(members.status, "active")));
  if (!member) return false;
  const hourAgo = new Date(ctx.now.getTime() - 60 * 60 * 1000);
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.memberId, member.id),
        eq(emailTokens.purpose, "password_reset"),
        gt(emailTokens.createdAt, hourAgo),
      ),
    );
  const log = ctx.log;
  if ((recent?.n ?? 0) >= maxResetEmailsPerHour) {
    log.warn("password reset emails limited", { tenant: ctx.tenant.slug, memberId: member.id });
    return false;
  }
  try {
    await issueEmailToken(ctx, {
      memberId: member.id,
      purpose: "password_reset",
      compose: ({ url }) => passwordResetEmail({ member, orgName: ctx.tenant.name, url }),
    });
    return true;
  } catch (err) {
    log.error("password reset email not sent", {
      tenant: ctx.tenant.slug,
      memberId: member.id,
      error: describeError(err),
    });
    return false;
  }
}

/** Sets the new password from a reset link and ends every session of the member. */
export async function confirmPasswordReset({
  ctx,
  input,
  credentials,
}: {
  ctx: OrgCtx;
  input: PasswordResetConfirmInput;
  credentials: Pick<Credentials, "hashPassword">;
}): Promise<void> {
  const { link, member } = await openEmailLink(
    ctx,
    input.token,
    "password_reset",
    "This account can no longer be reset; ask your coordinator.",
  );
  const passwordHash = await credentials.hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await spendEmailToken(tx, link, ctx.now);
    await tx
      .update(members)
      .set({ passwordHash, updatedAt: ctx.now })
      .where(eq(members.id, member.id));
    await retireOpenEmailTokens(tx, member.id, "password_reset", ctx.now);
    await revokeMemberSessions(tx, member.id, ctx.now);
    // Proving the mailbox is as good as signing in: earlier failures stop counting.
    await clearAccountStatement(tx, member.email);
    await auditInsert(
      { ...ctx, db: tx },
      { action: "member.password_reset", subjectType: "member", subjectId: member.id },
    );
  });
}
