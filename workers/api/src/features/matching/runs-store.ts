import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { matches, matchRuns } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchRunView } from "../../../../shared/src/contracts/matches";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { matchViews } from "../matches";

export type MatchRun = typeof matchRuns.$inferSelect;

/** A run of this program; another program's or tenant's id is as unknown as a made-up one. */
export async function findRun(
  db: Pick<TenantDb, "select">,
  programId: string,
  runId: string,
): Promise<MatchRun> {
  const [run] = await db
    .select()
    .from(matchRuns)
    .where(and(eq(matchRuns.id, runId), eq(matchRuns.programId, programId)));
  if (!run) throw new AppError("not_found", "No such matching run in this program.");
  return run;
}

/** Only an open run can still be edited, approved or discarded. */
export function assertOpen(run: MatchRun): void {
  if (run.status !== "open") {
    throw new AppError("conflict", `This run was ${run.status} already; start a new run.`);
  }
}

/** The run's proposals that still stand: waiting for approval, or approved and active. */
export async function runProposals(db: Pick<TenantDb, "select">, runId: string) {
  return db
    .select()
    .from(matches)
    .where(and(eq(matches.runId, runId), inArray(matches.status, ["proposed", "active"])))
    .orderBy(desc(matches.score), asc(matches.id));
}

export async function runView(db: Pick<TenantDb, "select">, run: MatchRun): Promise<MatchRunView> {
  return {
    id: run.id,
    programId: run.programId,
    objective: run.objective,
    status: run.status,
    total: run.total,
    lowest: run.lowest,
    proposals: await matchViews(db, await runProposals(db, run.id)),
    unmatched: run.unmatched,
    createdAt: run.createdAt.toISOString(),
  };
}

/** The program's latest open run, if any: the one the coordinator's board points to. */
export async function openRunOf(
  db: Pick<TenantDb, "select">,
  programId: string,
): Promise<string | null> {
  const [run] = await db
    .select({ id: matchRuns.id })
    .from(matchRuns)
    .where(and(eq(matchRuns.programId, programId), eq(matchRuns.status, "open")))
    .orderBy(desc(matchRuns.createdAt), desc(matchRuns.id))
    .limit(1);
  return run?.id ?? null;
}
