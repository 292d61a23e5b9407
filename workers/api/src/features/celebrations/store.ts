import { count, eq, inArray } from "drizzle-orm";
import { celebrations, congratulations } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { CelebrationView } from "../../../../shared/src/contracts/relationship/goals";
import type { TenantDb } from "../../../../shared/src/platform/db";

export type Celebration = typeof celebrations.$inferSelect;

/**
 * The celebration of an achieved goal or a completed milestone, as a statement for the batch
 * that records the achievement. Its id is derived from what it celebrates, so however often
 * an achievement is recorded (a retry, two people at once) there is one celebration of it.
 */
export function celebrationInsert(
  db: Pick<TenantDb, "insert">,
  of: {
    matchId: string;
    programId: string;
    goalId: string;
    milestone?: { id: string; title: string };
    goalTitle: string;
    at: Date;
  },
) {
  const source = of.milestone?.id ?? of.goalId;
  return db
    .insert(celebrations)
    .values({
      id: `cel_${source}`,
      matchId: of.matchId,
      programId: of.programId,
      goalId: of.goalId,
      milestoneId: of.milestone?.id ?? null,
      title: of.milestone?.title ?? of.goalTitle,
      createdAt: of.at,
    })
    .onConflictDoNothing();
}

/** A celebration of this match; another match's is as unknown as a made-up id. */
export async function findCelebration(
  db: Pick<TenantDb, "select">,
  where: { id: string; matchId?: string; programId?: string },
): Promise<Celebration> {
  const [row] = await db.select().from(celebrations).where(eq(celebrations.id, where.id));
  const belongs =
    row &&
    (where.matchId === undefined || row.matchId === where.matchId) &&
    (where.programId === undefined || row.programId === where.programId);
  if (!belongs) throw new AppError("not_found", "No such celebration.");
  return row;
}

/** How many congratulations each celebration has. */
export async function congratulationCounts(
  db: Pick<TenantDb, "select">,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: congratulations.celebrationId, n: count() })
    .from(congratulations)
    .where(inArray(congratulations.celebrationId, [...ids]))
    .groupBy(congratulations.celebrationId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function celebrationViews(
  db: Pick<TenantDb, "select">,
  rows: readonly Celebration[],
): Promise<CelebrationView[]> {
  const counts = await congratulationCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    matchId: row.matchId,
    programId: row.programId,
    goalId: row.goalId,
    milestoneId: row.milestoneId,
    kind: row.milestoneId === null ? "goal" : "milestone",
    title: row.title,
    sharedBy: row.sharedBy,
    sharedAt: row.sharedAt?.toISOString() ?? null,
    congratulations: counts.get(row.id) ?? 0,
    createdAt: row.createdAt.toISOString(),
  }));
}
