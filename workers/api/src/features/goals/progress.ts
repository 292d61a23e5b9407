import { eq } from "drizzle-orm";
import { goals, goalUpdates } from "../../../../../db/tenant/schema";
import type {
  GoalView,
  ProgressInput,
  ReviewInput,
} from "../../../../shared/src/contracts/relationship/goals";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { requireGoalActive } from "./create";
import { newId, pairForWrite } from "./pair-access";
import { findGoal, goalView } from "./views";

type OnGoal = { matchId: string; goalId: string };

/** Where the goal stands now, 0–100, with a word on what moved it. */
export async function recordProgress({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ProgressInput & OnGoal;
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const goal = requireGoalActive(await findGoal(ctx.db, pair.match.id, input.goalId));
  await ctx.db.batch([
    ctx.db
      .update(goals)
      .set({ progress: input.progress, updatedAt: ctx.now })
      .where(eq(goals.id, goal.id)),
    ctx.db.insert(goalUpdates).values({
      id: newId("gup"),
      goalId: goal.id,
      kind: "progress",
      progress: input.progress,
      note: input.note,
      createdBy: pair.actorId,
      createdAt: ctx.now,
    }),
    auditInsert(ctx, {
      action: "goal.progress",
      subjectType: "goal",
      subjectId: goal.id,
      detail: { matchId: pair.match.id, from: goal.progress, to: input.progress },
    }),
  ]);
  return goalView(ctx, pair, goal.id);
}

/**
 * The pair looks back on a goal together, as the program asks every so often: the review
 * restarts the interval until the next one, and may move the progress.
 */
export async function reviewGoal({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ReviewInput & OnGoal;
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const goal = requireGoalActive(await findGoal(ctx.db, pair.match.id, input.goalId));
  const progress = input.progress ?? goal.progress;
  await ctx.db.batch([
    ctx.db
      .update(goals)
      .set({ progress, lastReviewedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(goals.id, goal.id)),
    ctx.db.insert(goalUpdates).values({
      id: newId("gup"),
      goalId: goal.id,
      kind: "review",
      progress,
      note: input.note,
      createdBy: pair.actorId,
      createdAt: ctx.now,
    }),
    auditInsert(ctx, {
      action: "goal.review",
      subjectType: "goal",
      subjectId: goal.id,
      detail: { matchId: pair.match.id, from: goal.progress, to: progress },
    }),
  ]);
  return goalView(ctx, pair, goal.id);
}
