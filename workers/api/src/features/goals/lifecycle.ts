import { and, eq, isNull } from "drizzle-orm";
import { goals, goalUpdates, milestones } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { DropInput, GoalView } from "../../../../shared/src/contracts/relationship/goals";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { celebrationInsert } from "../celebrations";
import { requireGoalActive } from "./create";
import { newId, pairForWrite } from "./pair-access";
import { findGoal, goalView } from "./views";

type OnGoal = { matchId: string; goalId: string };

/**
 * The pair reached a goal: it is done, at 100%, and celebrated. Saying so again changes
 * nothing, and there is only ever one celebration of it.
 */
export async function achieveGoal({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: OnGoal;
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const goal = await findGoal(ctx.db, pair.match.id, input.goalId);
  if (goal.status === "achieved") return goalView(ctx, pair, goal.id);
  requireGoalActive(goal);
  await ctx.db.batch([
    ctx.db
      .update(goals)
      .set({ status: "achieved", progress: 100, achievedAt: ctx.now, updatedAt: ctx.now })
      .where(and(eq(goals.id, goal.id), eq(goals.status, "active"))),
    celebrationInsert(ctx.db, {
      matchId: pair.match.id,
      programId: pair.program.id,
      goalId: goal.id,
      goalTitle: goal.title,
      at: ctx.now,
    }),
    auditInsert(ctx, {
      action: "goal.achieve",
      subjectType: "goal",
      subjectId: goal.id,
      detail: { matchId: pair.match.id },
    }),
  ]);
  return goalView(ctx, pair, goal.id);
}

/**
 * The pair sets a goal aside, saying why; the reason is kept as the goal's last review, so
 * its history reads to the end. Dropping it again changes nothing.
 */
export async function dropGoal({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: DropInput & OnGoal;
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const goal = await findGoal(ctx.db, pair.match.id, input.goalId);
  if (goal.status === "dropped") return goalView(ctx, pair, goal.id);
  requireGoalActive(goal);
  await ctx.db.batch([
    ctx.db
      .update(goals)
      .set({ status: "dropped", lastReviewedAt: ctx.now, updatedAt: ctx.now })
      .where(and(eq(goals.id, goal.id), eq(goals.status, "active"))),
    ctx.db.insert(goalUpdates).values({
      id: newId("gup"),
      goalId: goal.id,
      kind: "review",
      progress: goal.progress,
      note: input.reason,
      createdBy: pair.actorId,
      createdAt: ctx.now,
    }),
    auditInsert(ctx, {
      action: "goal.drop",
      subjectType: "goal",
      subjectId: goal.id,
      detail: { matchId: pair.match.id, reason: input.reason },
    }),
  ]);
  return goalView(ctx, pair, goal.id);
}

/** A milestone is done, and celebrated once; ticking it again changes nothing. */
export async function completeMilestone({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: OnGoal & { milestoneId: string };
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const goal = await findGoal(ctx.db, pair.match.id, input.goalId);
  const [milestone] = await ctx.db
    .select()
    .from(milestones)
    .where(and(eq(milestones.id, input.milestoneId), eq(milestones.goalId, goal.id)));
  if (!milestone) throw new AppError("not_found", "No such milestone of this goal.");
  if (milestone.doneAt) return goalView(ctx, pair, goal.id);
  requireGoalActive(goal);
  await ctx.db.batch([
    ctx.db
      .update(milestones)
      .set({ doneAt: ctx.now })
      .where(and(eq(milestones.id, milestone.id), isNull(milestones.doneAt))),
    ctx.db.update(goals).set({ updatedAt: ctx.now }).where(eq(goals.id, goal.id)),
    celebrationInsert(ctx.db, {
      matchId: pair.match.id,
      programId: pair.program.id,
      goalId: goal.id,
      milestone: { id: milestone.id, title: milestone.title },
      goalTitle: goal.title,
      at: ctx.now,
    }),
    auditInsert(ctx, {
      action: "goal.milestone_done",
      subjectType: "goal",
      subjectId: goal.id,
      detail: { matchId: pair.match.id, milestoneId: milestone.id },
    }),
  ]);
  return goalView(ctx, pair, goal.id);
}
