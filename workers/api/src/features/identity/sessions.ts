import { and, eq, isNull } from "drizzle-orm";
import { type Member, members, refreshTokens } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { SessionAnswer } from "../../../../shared/src/contracts/identity";
import type { Actor } from "../../../../shared/src/security/actor";
import { hashToken, newOpaqueToken } from "../../../../shared/src/security/opaque-tokens";
import type { OrgCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import type { Credentials } from "./credentials";
import { meView } from "./views";

export const accessTokenTtlSeconds = 15 * 60;
export const refreshTokenTtlSeconds = 30 * 24 * 60 * 60;

/** What a route hands out: the body, and the refresh token that goes into the cookie only. */
export interface IssuedSession {
  session: SessionAnswer;
  refreshToken: string;
}

export const memberActor = (member: Member): Actor => ({
  kind: "member",
  memberId: member.id,
  role: member.role,
});

/** A new refresh token of a sign-in (family); the caller inserts `row` with its other writes. */
export async function newRefreshToken(ctx: OrgCtx, memberId: string, familyId: string) {
  const { token, hash } = await newOpaqueToken();
  const row = {
    id: crypto.randomUUID(),
    memberId,
    familyId,
    tokenHash: hash,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + refreshTokenTtlSeconds * 1000),
    ip: ctx.origin.ip,
    userAgent: ctx.origin.userAgent,
  };
  return { token, row };
}

export async function signSession(
  ctx: OrgCtx,
  credentials: Pick<Credentials, "signAccessToken">,
  member: Member,
  familyId: string,
): Promise<SessionAnswer> {
  const accessToken = await credentials.signAccessToken(
    { memberId: member.id, tenantId: ctx.tenant.id, role: member.role, sessionId: familyId },
    ctx.now,
    accessTokenTtlSeconds,
  );
  return { accessToken, expiresIn: accessTokenTtlSeconds, member: meView(member, ctx.tenant) };
}

const sessionEnded = () =>
  new AppError("unauthorized", "This session has ended or expired; sign in again.");

function revokeFamily(ctx: OrgCtx, familyId: string) {
  return ctx.db
    .update(refreshTokens)
    .set({ revokedAt: ctx.now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

type RefreshRow = typeof refreshTokens.$inferSelect;

/** Only the hash is stored, so the cookie's token is found by hashing it. */
async function findRefreshToken(ctx: OrgCtx, token: string): Promise<RefreshRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, await hashToken(token)));
  return row;
}

/** A spent token came back: whoever holds the family's newest token may be a thief. */
async function revokeAfterReuse(ctx: OrgCtx, spent: RefreshRow): Promise<never> {
  await ctx.db.batch([
    revokeFamily(ctx, spent.familyId),
    auditInsert(ctx, {
      action: "auth.refresh_reuse",
      subjectType: "member",
      subjectId: spent.memberId,
      detail: { familyId: spent.familyId },
    }),
  ]);
  throw sessionEnded();
}

/** Spends a refresh token and issues its successor in the same family. */
export async function refreshSession({
  ctx,
  input,
  credentials,
}: {
  ctx: OrgCtx;
  input: { refreshToken: string };
  credentials: Credentials;
}): Promise<IssuedSession> {
  const current = await findRefreshToken(ctx, input.refreshToken);
  if (!current || current.revokedAt) throw sessionEnded();
  if (current.usedAt) return revokeAfterReuse(ctx, current);
  if (current.expiresAt.getTime() <= ctx.now.getTime()) throw sessionEnded();

  const [member] = await ctx.db.select().from(members).where(eq(members.id, current.memberId));
  if (member?.status !== "active") {
    await revokeFamily(ctx, current.familyId);
    throw sessionEnded();
  }
  const next = await newRefreshToken(ctx, member.id, current.familyId);
  // Spending and replacing happen together or not at all; of two concurrent uses one wins.
  const spent = await ctx.db.transaction(async (tx) => {
    const [won] = await tx
      .update(refreshTokens)
      .set({ usedAt: ctx.now })
      .where(
        and(
          eq(refreshTokens.id, current.id),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
        ),
      )
      .returning({ id: refreshTokens.id });
    if (won) await tx.insert(refreshTokens).values(next.row);
    return Boolean(won);
  });
  if (!spent) {
    const [latest] = await ctx.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.id, current.id));
    if (latest?.usedAt && !latest.revokedAt) return revokeAfterReuse(ctx, latest);
    throw sessionEnded();
  }
  return {
    session: await signSession(ctx, credentials, member, current.familyId),
    refreshToken: next.token,
  };
}

/** Ends the sign-in the refresh token belongs to. Unknown tokens end nothing, quietly. */
export async function endSession({
  ctx,
  input,
}: {
  ctx: OrgCtx;
  input: { refreshToken: string };
}): Promise<void> {
  const current = await findRefreshToken(ctx, input.refreshToken);
  if (!current || current.revokedAt) return;
  const [member] = await ctx.db.select().from(members).where(eq(members.id, current.memberId));
  await ctx.db.batch([
    revokeFamily(ctx, current.familyId),
    auditInsert(
      { ...ctx, actor: member ? memberActor(member) : null },
      {
        action: "auth.sign_out",
        subjectType: "member",
        subjectId: current.memberId,
        detail: { familyId: current.familyId },
      },
    ),
  ]);
}
