import { and, eq } from "drizzle-orm";
import { members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { EmailChangeConfirmInput } from "../../../../shared/src/contracts/identity";
import type { EmailChangeInput } from "../../../../shared/src/contracts/me";
import { isUniqueViolation, type TenantDb } from "../../../../shared/src/platform/db";
import { requireMember } from "../../../../shared/src/security/actor";
import type { OrgCtx, TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import type { Credentials } from "./credentials";
import {
  issueEmailToken,
  openEmailLink,
  retireOpenEmailTokens,
  spendEmailToken,
} from "./email-tokens";
import { emailChangedNotice, emailChangeEmail } from "./emails";
import { memberActor } from "./sessions";
import { confirmPassword } from "./sign-in";
import { loadMember } from "./views";

const emailTaken = () =>
  new AppError("conflict", "Another member of this organization already uses that email.");

async function assertEmailFree(db: TenantDb, email: string): Promise<void> {
  const [holder] = await db
    .select({ id: members.id })
    .from(members)
    .where(eq(members.email, email));
  if (holder) throw emailTaken();
}

/** Sends a confirmation link to the new address; nothing changes until it is opened. */
export async function requestEmailChange({
  ctx,
  input,
  credentials,
}: {
  ctx: TenantCtx;
  input: EmailChangeInput;
  credentials: Pick<Credentials, "verifyPassword">;
}): Promise<void> {
  const member = await loadMember(ctx.db, requireMember(ctx.actor).memberId);
  await confirmPassword(ctx, credentials, member, input.password, "password");
  if (input.newEmail === member.email) {
    throw invalidField("newEmail", "That is already your email address.");
  }
  await assertEmailFree(ctx.db, input.newEmail);
  await issueEmailToken(ctx, {
    memberId: member.id,
    purpose: "email_change",
    newEmail: input.newEmail,
    compose: ({ url }) =>
      emailChangeEmail({ member, newEmail: input.newEmail, orgName: ctx.tenant.name, url }),
  });
}

/** Applies a confirmed new address and, in the same transaction, queues a notice to the old one. */
export async function confirmEmailChange({
  ctx,
  input,
}: {
  ctx: OrgCtx;
  input: EmailChangeConfirmInput;
}): Promise<void> {
  const gone = "This account's email can no longer be changed this way.";
  const { link, member } = await openEmailLink(ctx, input.token, "email_change", gone);
  if (!link.newEmail) throw new AppError("not_found", gone);
  const newEmail = link.newEmail;
  await assertEmailFree(ctx.db, newEmail);
  const [notice] = await ctx.outbox.email(
    emailChangedNotice({ member, newEmail, orgName: ctx.tenant.name }),
    `email-changed-notice:${link.id}`,
  );
  try {
    await ctx.db.transaction(async (tx) => {
      await spendEmailToken(tx, link, ctx.now);
      const [changed] = await tx
        .update(members)
        .set({ email: newEmail, updatedAt: ctx.now })
        .where(and(eq(members.id, member.id), eq(members.email, member.email)))
        .returning({ id: members.id });
      if (!changed) throw new AppError("conflict", "Your email address changed meanwhile.");
      await retireOpenEmailTokens(tx, member.id, "email_change", ctx.now);
      await auditInsert(
        { ...ctx, db: tx, actor: memberActor(member) },
        {
          action: "member.email_change",
          subjectType: "member",
          subjectId: member.id,
          detail: { from: member.email, to: newEmail },
        },
      );
      await tx.run(notice);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken();
    throw err;
  }
}
