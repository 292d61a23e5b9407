import type { TenantCtx } from "../../http/app-env";
import { requireAgreement } from "../agreements";
import { openPair, type Pair, requireActive, requirePairMember } from "../pairs";

/**
 * A pair about to change its goals or celebrations: one of its two people (coordinators and
 * integrations only read), an active match, and the agreement settled where the program asks.
 */
export async function pairForWrite(ctx: TenantCtx, matchId: string): Promise<Pair> {
  const pair = await openPair(ctx, matchId);
  requirePairMember(pair);
  requireActive(pair);
  await requireAgreement(ctx.db, pair);
  return pair;
}

/** A pair whose goals the caller reads; the pair itself waits for its agreement first. */
export async function pairForRead(ctx: TenantCtx, matchId: string): Promise<Pair> {
  const pair = await openPair(ctx, matchId);
  await requireAgreement(ctx.db, pair);
  return pair;
}

export const newId = (prefix: string) => `${prefix}_${crypto.randomUUID().replaceAll("-", "")}`;
