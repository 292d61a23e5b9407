import { and, eq, inArray } from "drizzle-orm";
import { matches, matchRuns } from "../../../../../db/tenant/schema";
import type { MatchRunView } from "../../../../shared/src/contracts/matches";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { assertMatchingOn, insertMatch, loadCohort, madeByOf, newMatchId } from "../matches";
import { findProgram } from "../programs";
import { assertSomeoneToMatch, assignCohort, unmatchedOf } from "./assignment";
import { findRun, runView } from "./runs-store";
import { inWriteTurn } from "./write-turns";

export const newRunId = () => `run_${crypto.randomUUID().replaceAll("-", "")}`;

/**
 * A whole-cohort assignment, proposed for the coordinator to edit and approve. It replaces the
 * program's earlier open run (whose proposals close), in one transaction with its audit entry.
 */
export async function startRun({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; objective: "total" | "balanced" };
}): Promise<MatchRunView> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  assertMatchingOn(program);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  assertSomeoneToMatch(cohort);
  const assignment = assignCohort(program, cohort, input.objective, ctx.now);
  const id = newRunId();
  const by = madeByOf(ctx.actor);
  const mode = program.rules.matching.mode === "automatic" ? "automatic" : "coordinator";
  await inWriteTurn(ctx.db, async (tx) => {
    // First a write, so the transaction holds the lock before it reads anything.
    const replaced = await tx
      .update(matchRuns)
      .set({ status: "discarded", updatedAt: ctx.now })
      .where(and(eq(matchRuns.programId, program.id), eq(matchRuns.status, "open")))
      .returning({ id: matchRuns.id });
    if (replaced.length > 0) {
      await tx
        .update(matches)
        .set({
          status: "closed",
          endedAt: ctx.now,
          endReason: "Replaced by a newer run",
          updatedAt: ctx.now,
        })
        .where(
          and(
            inArray(
              matches.runId,
              replaced.map((r) => r.id),
            ),
            eq(matches.status, "proposed"),
          ),
        );
    }
    await tx.insert(matchRuns).values({
      id,
      programId: program.id,
      objective: input.objective,
      status: "open",
      total: assignment.total,
      lowest: assignment.lowest,
      unmatched: unmatchedOf(cohort, assignment),
      createdBy: by,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    for (const pair of assignment.pairs) {
      const [match, people] = insertMatch(
        tx,
        { programId: program.id, ...pair, status: "proposed", mode, runId: id },
        { id: newMatchId(), by, at: ctx.now },
      );
      await match;
      await people;
    }
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "match_run.create",
        subjectType: "match_run",
        subjectId: id,
        detail: {
          programId: program.id,
          objective: input.objective,
          proposals: assignment.pairs.length,
          total: assignment.total,
          lowest: assignment.lowest,
          replaced: replaced.map((r) => r.id),
        },
      },
    );
  });
  return runView(ctx.db, await findRun(ctx.db, program.id, id));
}

export async function getRun({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; runId: string };
}): Promise<MatchRunView> {
  authorize(ctx.actor, "matches:read");
  const program = await findProgram(ctx.db, input.programId);
  return runView(ctx.db, await findRun(ctx.db, program.id, input.runId));
}
