import { and, asc, eq, inArray } from "drizzle-orm";
import { goals, goalUpdates, milestones } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { GoalView } from "../../../../shared/src/contracts/relationship/goals";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { accessOf, type Pair } from "../pairs";

export type Goal = typeof goals.$inferSelect;
type Milestone = typeof milestones.$inferSelect;
type GoalUpdate = typeof goalUpdates.$inferSelect;

const dayMs = 24 * 60 * 60 * 1000;

/**
 * When the pair should next look back on an active goal: its last review (or its creation)
 * plus the program's interval. Achieved and dropped goals are not reviewed any more.
 */
export function nextReviewOf(
  goal: Pick<Goal, "status" | "lastReviewedAt" | "createdAt">,
  reviewEveryDays: number,
): Date | null {
  if (goal.status !== "active") return null;
  return new Date((goal.lastReviewedAt ?? goal.createdAt).getTime() + reviewEveryDays * dayMs);
}

/** A goal of this match; another match's goal is as unknown as a made-up id. */
export async function findGoal(
  db: Pick<TenantDb, "select">,
  matchId: string,
  goalId: string,
): Promise<Goal> {
  const [goal] = await db
    .select()
    .from(goals)
    .where(and(eq(goals.id, goalId), eq(goals.matchId, matchId)));
  if (!goal) throw new AppError("not_found", "No such goal in this match.");
  return goal;
}

/** Goals are read in full by everyone the visibility table lets read them at all. */
export function requireGoalAccess(ctx: TenantCtx, pair: Pair): void {
  if (accessOf(ctx, pair, "goal", null) !== "full") {
    throw new AppError("forbidden", "You may not read this pair's goals.");
  }
}

/** Views of goals in the order given, with their milestones and history. */
export async function goalViews(
  db: Pick<TenantDb, "select">,
  pair: Pair,
  rows: readonly Goal[],
  now: Date,
): Promise<GoalView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((g) => g.id);
  const steps = await db
    .select()
    .from(milestones)
    .where(inArray(milestones.goalId, ids))
    .orderBy(asc(milestones.position));
  const history = await db
    .select()
    .from(goalUpdates)
    .where(inArray(goalUpdates.goalId, ids))
    .orderBy(asc(goalUpdates.createdAt), asc(goalUpdates.id));
  const stepsOf = groupBy(steps, (m) => m.goalId);
  const historyOf = groupBy(history, (u) => u.goalId);
  const every = pair.program.rules.goals.reviewEveryDays;
  return rows.map((goal) => {
    const next = nextReviewOf(goal, every);
    return {
      id: goal.id,
      matchId: goal.matchId,
      title: goal.title,
      measure: goal.measure,
      targetOn: goal.targetOn,
      status: goal.status,
      progress: goal.progress,
      milestones: (stepsOf.get(goal.id) ?? []).map(milestoneView),
      updates: (historyOf.get(goal.id) ?? []).map(updateView),
      lastReviewedAt: goal.lastReviewedAt?.toISOString() ?? null,
      nextReviewAt: next?.toISOString() ?? null,
      reviewDue: next !== null && next.getTime() <= now.getTime(),
      achievedAt: goal.achievedAt?.toISOString() ?? null,
      createdBy: goal.createdBy,
      createdAt: goal.createdAt.toISOString(),
      updatedAt: goal.updatedAt.toISOString(),
    };
  });
}

/** One goal's view, read afresh after a change. */
export async function goalView(ctx: TenantCtx, pair: Pair, goalId: string): Promise<GoalView> {
  const [view] = await goalViews(
    ctx.db,
    pair,
    [await findGoal(ctx.db, pair.match.id, goalId)],
    ctx.now,
  );
  return view!;
}

const milestoneView = (m: Milestone) => ({
  id: m.id,
  title: m.title,
  dueOn: m.dueOn,
  doneAt: m.doneAt?.toISOString() ?? null,
  position: m.position,
});

const updateView = (u: GoalUpdate) => ({
  id: u.id,
  kind: u.kind,
  progress: u.progress,
  note: u.note,
  createdBy: u.createdBy,
  createdAt: u.createdAt.toISOString(),
});

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
