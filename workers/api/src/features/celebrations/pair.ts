import { and, asc, eq, isNull } from "drizzle-orm";
import { celebrations } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { CelebrationView } from "../../../../shared/src/contracts/relationship/goals";
import type { TenantCtx } from "../../http/app-env";
import { requireAgreement } from "../agreements";
import { auditInsert } from "../audit";
import { accessOf, openPair, requireActive, requirePairMember } from "../pairs";
import { celebrationViews, findCelebration } from "./store";

/** A pair's celebrations, oldest first, shared or not: the pair's own timeline of wins. */
export async function listCelebrations({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<{ items: CelebrationView[] }> {
  const pair = await openPair(ctx, input.matchId);
  await requireAgreement(ctx.db, pair);
  if (accessOf(ctx, pair, "celebration", null) !== "full") {
    throw new AppError("forbidden", "You may not read this pair's celebrations.");
  }
  const rows = await ctx.db
    .select()
    .from(celebrations)
    .where(eq(celebrations.matchId, pair.match.id))
    .orderBy(asc(celebrations.createdAt), asc(celebrations.id));
  return { items: await celebrationViews(ctx.db, rows) };
}

/**
 * One of the pair puts a celebration on the program's wall, or takes it down; either of them
 * may do both. Asking for what already is changes nothing.
 */
export async function shareCelebration({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; celebrationId: string; share: boolean };
}): Promise<CelebrationView> {
  const pair = await openPair(ctx, input.matchId);
  requirePairMember(pair);
  // Taking a celebration down is the pair's privacy, so it works even once the match closed.
  if (input.share) {
    requireActive(pair);
    await requireAgreement(ctx.db, pair);
  }
  const celebration = await findCelebration(ctx.db, {
    id: input.celebrationId,
    matchId: pair.match.id,
  });
  if ((celebration.sharedAt !== null) !== input.share) {
    await ctx.db.batch([
      ctx.db
        .update(celebrations)
        .set(
          input.share
            ? { sharedBy: pair.actorId, sharedAt: ctx.now }
            : { sharedBy: null, sharedAt: null },
        )
        .where(
          and(
            eq(celebrations.id, celebration.id),
            input.share ? isNull(celebrations.sharedAt) : undefined,
          ),
        ),
      auditInsert(ctx, {
        action: input.share ? "celebration.share" : "celebration.unshare",
        subjectType: "celebration",
        subjectId: celebration.id,
        detail: { matchId: pair.match.id, programId: pair.program.id },
      }),
    ]);
  }
  const [view] = await celebrationViews(ctx.db, [
    await findCelebration(ctx.db, { id: celebration.id }),
  ]);
  return view!;
}
