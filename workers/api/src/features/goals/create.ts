import { asc, count, eq, max } from "drizzle-orm";
import { goals, milestones } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import {
  type GoalChange,
  type GoalInput,
  type GoalList,
  type GoalView,
  type MilestoneInput,
  maxGoalsPerMatch,
  maxMilestonesPerGoal,
} from "../../../../shared/src/contracts/relationship/goals";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { newId, pairForRead, pairForWrite } from "./pair-access";
import { findGoal, goalView, goalViews, requireGoalAccess } from "./views";

/** A pair sets a goal, with the milestones on the way to it if they know them yet. */
export async function createGoal({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: GoalInput & { matchId: string };
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const [held] = await ctx.db
    .select({ n: count() })
    .from(goals)
    .where(eq(goals.matchId, pair.match.id));
  if ((held?.n ?? 0) >= maxGoalsPerMatch) {
    throw new AppError(
      "conflict",
      `A pair keeps at most ${maxGoalsPerMatch} goals; drop or finish one before adding more.`,
    );
  }
  const id = newId("gol");
  const steps = (input.milestones ?? []).map((m, position) => ({
    id: newId("mil"),
    goalId: id,
    title: m.title,
    dueOn: m.dueOn ?? null,
    position,
    createdAt: ctx.now,
  }));
  await ctx.db.batch([
    ctx.db.insert(goals).values({
      id,
      matchId: pair.match.id,
      title: input.title,
      measure: input.measure || null,
      targetOn: input.targetOn ?? null,
      status: "active",
      progress: 0,
      createdBy: pair.actorId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
    ...(steps.length > 0 ? [ctx.db.insert(milestones).values(steps)] : []),
    auditInsert(ctx, {
      action: "goal.create",
      subjectType: "goal",
      subjectId: id,
      detail: { matchId: pair.match.id, milestones: steps.length },
    }),
  ]);
  return goalView(ctx, pair, id);
}

/**
 * A pair's goals, oldest first, with when each is next up for review and whether the pair has
 * set as many as the program asks.
 */
export async function listGoals({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<GoalList> {
  const pair = await pairForRead(ctx, input.matchId);
  requireGoalAccess(ctx, pair);
  const rows = await ctx.db
    .select()
    .from(goals)
    .where(eq(goals.matchId, pair.match.id))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  const { minPerMatch, reviewEveryDays } = pair.program.rules.goals;
  const set = rows.filter((g) => g.status !== "dropped").length;
  return {
    items: await goalViews(ctx.db, pair, rows, ctx.now),
    minimum: { required: minPerMatch, set, reached: set >= minPerMatch },
    reviewEveryDays,
  };
}

/** The pair rewords an active goal; what it became (achieved, dropped) keeps its words. */
export async function changeGoal({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: GoalChange & { matchId: string; goalId: string };
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const goal = requireGoalActive(await findGoal(ctx.db, pair.match.id, input.goalId));
  const change = {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.measure === undefined ? {} : { measure: input.measure || null }),
    ...(input.targetOn === undefined ? {} : { targetOn: input.targetOn }),
  };
  await ctx.db.batch([
    ctx.db
      .update(goals)
      .set({ ...change, updatedAt: ctx.now })
      .where(eq(goals.id, goal.id)),
    auditInsert(ctx, {
      action: "goal.change",
      subjectType: "goal",
      subjectId: goal.id,
      detail: { matchId: pair.match.id, fields: Object.keys(change) },
    }),
  ]);
  return goalView(ctx, pair, goal.id);
}

/** A step on the way to an active goal, after the ones it already has. */
export async function addMilestone({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: MilestoneInput & { matchId: string; goalId: string };
}): Promise<GoalView> {
  const pair = await pairForWrite(ctx, input.matchId);
  const goal = requireGoalActive(await findGoal(ctx.db, pair.match.id, input.goalId));
  const [held] = await ctx.db
    .select({ n: count(), last: max(milestones.position) })
    .from(milestones)
    .where(eq(milestones.goalId, goal.id));
  if ((held?.n ?? 0) >= maxMilestonesPerGoal) {
    throw new AppError("conflict", `A goal holds at most ${maxMilestonesPerGoal} milestones.`);
  }
  const id = newId("mil");
  await ctx.db.batch([
    ctx.db.insert(milestones).values({
      id,
      goalId: goal.id,
      title: input.title,
      dueOn: input.dueOn ?? null,
      position: (held?.last ?? -1) + 1,
      createdAt: ctx.now,
    }),
    ctx.db.update(goals).set({ updatedAt: ctx.now }).where(eq(goals.id, goal.id)),
    auditInsert(ctx, {
      action: "goal.milestone_add",
      subjectType: "goal",
      subjectId: goal.id,
      detail: { matchId: pair.match.id, milestoneId: id },
    }),
  ]);
  return goalView(ctx, pair, goal.id);
}

const statusWords = { achieved: "already achieved", dropped: "dropped" } as const;

/** Only an active goal changes; an achieved or dropped one is the pair's history. */
export function requireGoalActive<G extends { status: "active" | "achieved" | "dropped" }>(
  goal: G,
): G {
  if (goal.status !== "active") {
    throw new AppError(
      "conflict",
      `This goal is ${statusWords[goal.status]}; it can be read but not changed.`,
    );
  }
  return goal;
}
