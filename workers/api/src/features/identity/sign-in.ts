import { and, eq } from "drizzle-orm";
import { type Member, members, refreshTokens } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { LoginInput } from "../../../../shared/src/contracts/identity";
import {
  needsRehash,
  PasswordHashError,
  unmatchablePasswordHash,
} from "../../../../shared/src/security/passwords";
import type { OrgCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import type { Credentials } from "./credentials";
import { countAttempt, forgiveAttemptStatements, throttleKeys } from "./login-throttle";
import { type IssuedSession, memberActor, newRefreshToken, signSession } from "./sessions";

type PasswordCheck = "match" | "mismatch" | "unusable_hash";

/** A stored hash this build refuses (say, above the iteration cap) fails like a wrong password. */
async function checkPassword(
  ctx: OrgCtx,
  credentials: Pick<Credentials, "verifyPassword">,
  password: string,
  stored: string,
) {
  try {
    const matches = await credentials.verifyPassword(password, stored);
    return (matches ? "match" : "mismatch") satisfies PasswordCheck;
  } catch (err) {
    if (!(err instanceof PasswordHashError)) throw err;
    ctx.log.error("stored password hash refused", {
      tenant: ctx.tenant.slug,
      error: err.message,
    });
    return "unusable_hash" satisfies PasswordCheck;
  }
}

function failureReason(member: Member | undefined, check: PasswordCheck): string {
  if (!member) return "unknown_email";
  if (member.status !== "active") return `member_${member.status}`;
  if (!member.passwordHash) return "no_password";
  return check === "unusable_hash" ? "unusable_password_hash" : "wrong_password";
}

const wrongCredentials = () => new AppError("unauthorized", "The email or password is incorrect.");

/**
 * Signs an active member in with email and password. Unknown emails are checked against a hash
 * no password matches, so they cost the same time and get the same answer as a wrong password.
 */
export async function login({
  ctx,
  input,
  credentials,
}: {
  ctx: OrgCtx;
  input: LoginInput;
  credentials: Credentials;
}): Promise<IssuedSession> {
  const keys = throttleKeys(ctx, input.email);
  await countAttempt(ctx, keys);
  const [member] = await ctx.db.select().from(members).where(eq(members.email, input.email));
  const stored = member?.status === "active" ? member.passwordHash : null;
  const check = await checkPassword(
    ctx,
    credentials,
    input.password,
    stored ?? unmatchablePasswordHash,
  );
  if (!member || !stored || check !== "match") {
    await auditInsert(ctx, {
      action: "auth.sign_in_failed",
      ...(member ? { subjectType: "member", subjectId: member.id } : {}),
      detail: { email: input.email, reason: failureReason(member, check) },
    });
    throw wrongCredentials();
  }

  const familyId = crypto.randomUUID();
  const refresh = await newRefreshToken(ctx, member.id, familyId);
  const rehashed = needsRehash(stored) ? await credentials.hashPassword(input.password) : null;
  await ctx.db.batch([
    ctx.db.update(members).set({ lastSignInAt: ctx.now }).where(eq(members.id, member.id)),
    ctx.db.insert(refreshTokens).values(refresh.row),
    // Only over the hash just verified: a password changed meanwhile must not be undone.
    ...(rehashed
      ? [
          ctx.db
            .update(members)
            .set({ passwordHash: rehashed })
            .where(and(eq(members.id, member.id), eq(members.passwordHash, stored))),
        ]
      : []),
    ...forgiveAttemptStatements(ctx.db, keys),
    auditInsert(
      { ...ctx, actor: memberActor(member) },
      {
        action: "auth.sign_in",
        subjectType: "member",
        subjectId: member.id,
        detail: { sessionId: familyId, ...(rehashed ? { passwordRehashed: true } : {}) },
      },
    ),
  ]);
  const signedIn = { ...member, lastSignInAt: ctx.now };
  return {
    session: await signSession(ctx, credentials, signedIn, familyId),
    refreshToken: refresh.token,
  };
}

/**
 * A signed-in member proving it is still them before a sensitive change. Counted against the
 * same limits as sign-in, so a stolen access token cannot be used to guess the password.
 */
export async function confirmPassword(
  ctx: OrgCtx,
  credentials: Pick<Credentials, "verifyPassword">,
  member: Member,
  password: string,
  field: string,
): Promise<void> {
  const keys = throttleKeys(ctx, member.email);
  await countAttempt(ctx, keys);
  const stored = member.passwordHash ?? unmatchablePasswordHash;
  if (
    (await checkPassword(ctx, credentials, password, stored)) === "match" &&
    member.passwordHash
  ) {
    const [first, ...rest] = forgiveAttemptStatements(ctx.db, keys);
    await ctx.db.batch([first!, ...rest]);
    return;
  }
  throw invalidField(field, "That is not your current password.");
}
