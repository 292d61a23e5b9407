import { asc, eq } from "drizzle-orm";
import { feedback } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import {
  type FeedbackDirection,
  type FeedbackList,
  feedbackDirections,
} from "../../../../shared/src/contracts/relationship/feedback";
import { feedbackQuestions } from "../../../../shared/src/contracts/relationship/stored-shapes";
import type { TenantCtx } from "../../http/app-env";
import { requireAgreement } from "../agreements";
import { accessOf, openPair } from "../pairs";
import { directionOf, feedbackView } from "./views";

/**
 * A pair's feedback as the visibility table lets the caller see it. The pair reads all of it
 * (what they gave and what they were given); coordinators get its aggregate (how much flows
 * each way, and when) plus the text of what its author chose to share with them.
 */
export async function listFeedback({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<FeedbackList> {
  const pair = await openPair(ctx, input.matchId);
  await requireAgreement(ctx.db, pair);
  if (accessOf(ctx, pair, "feedback", null) === "none") {
    throw new AppError("forbidden", "You may not read this pair's feedback.");
  }
  const rows = await ctx.db
    .select()
    .from(feedback)
    .where(eq(feedback.matchId, pair.match.id))
    .orderBy(asc(feedback.createdAt), asc(feedback.id));
  const visible = rows
    .map((row) => ({ row, access: accessOf(ctx, pair, "feedback", row.authorId) }))
    .filter(({ access }) => access !== "none");
  const summary = new Map<FeedbackDirection, { count: number; lastAt: string | null }>(
    feedbackDirections.map((d) => [d, { count: 0, lastAt: null }]),
  );
  for (const { row } of visible) {
    const entry = summary.get(directionOf(pair, row))!;
    entry.count += 1;
    entry.lastAt = row.createdAt.toISOString();
  }
  return {
    items: visible
      .filter(({ row, access }) => access === "full" || row.sharedWithCoordinators)
      .map(({ row }) => feedbackView(pair, row)),
    summary: feedbackDirections.map((direction) => ({ direction, ...summary.get(direction)! })),
    questions: { ...feedbackQuestions },
  };
}
