import { and, eq, inArray } from "drizzle-orm";
import { enrollments, matches, matchRuns } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchRunView } from "../../../../shared/src/contracts/matches";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { activateInTx, assertMatchingOn, displayNames, pairOf } from "../matches";
import { findProgram } from "../programs";
import { assertOpen, findRun, runView } from "./runs-store";
import { inWriteTurn } from "./write-turns";

type Tx = Parameters<Parameters<TenantDb["transaction"]>[0]>[0];

/**
 * Approves a run's proposals, the listed ones or every open one, all or nothing: each becomes
 * an active match with both welcomes sent, in one transaction. If anyone withdrew, was
 * deactivated or matched elsewhere, or a mentor filled up since the run, the answer is a 409
 * naming them and nothing is approved. The run is approved once none of its proposals is open.
 */
export async function approveRun({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; runId: string; matchIds?: string[] | undefined };
}): Promise<MatchRunView> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  const run = await findRun(ctx.db, program.id, input.runId);
  assertOpen(run);
  assertMatchingOn(program);
  await inWriteTurn(ctx.db, async (tx) => {
    // A write first: the run is held, so a discard or a second approval waits its turn.
    const held = await tx
      .update(matchRuns)
      .set({ updatedAt: ctx.now })
      .where(and(eq(matchRuns.id, run.id), eq(matchRuns.status, "open")))
      .returning({ id: matchRuns.id });
    if (held.length === 0) throw new AppError("conflict", "This run is no longer open.");
    const chosen = await chosenProposals(tx, run.id, input.matchIds);
    const batch = await Promise.all(
      chosen.map(async (m) => ({
        id: m.id,
        ...(await pairOf(tx, m.id)),
        reasons: m.reasons,
        how: "approved from a matching run",
      })),
    );
    await assertStillEnrolled(tx, program.id, batch);
    await activateInTx(tx, ctx, program, batch);
    const [open] = await tx
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.runId, run.id), eq(matches.status, "proposed")))
      .limit(1);
    if (!open) {
      await tx
        .update(matchRuns)
        .set({ status: "approved", updatedAt: ctx.now })
        .where(eq(matchRuns.id, run.id));
    }
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "match_run.approve",
        subjectType: "match_run",
        subjectId: run.id,
        detail: { programId: program.id, approved: batch.map((m) => m.id), complete: !open },
      },
    );
  });
  return runView(ctx.db, await findRun(ctx.db, program.id, run.id));
}

/** The proposals to approve: every listed one must belong to the run. */
async function chosenProposals(tx: Tx, runId: string, matchIds: string[] | undefined) {
  const rows = await tx
    .select()
    .from(matches)
    .where(
      and(
        eq(matches.runId, runId),
        matchIds ? inArray(matches.id, [...new Set(matchIds)]) : eq(matches.status, "proposed"),
      ),
    )
    .orderBy(matches.id);
  if (matchIds && rows.length !== new Set(matchIds).size) {
    const found = new Set(rows.map((r) => r.id));
    const missing = matchIds.filter((id) => !found.has(id));
    throw new AppError("not_found", `No such proposal in this run: ${missing.join(", ")}.`);
  }
  if (rows.length === 0) {
    throw new AppError("conflict", "No proposal of this run is open any more; nothing to approve.");
  }
  return rows;
}

/** Everyone in the batch must still hold an approved place in the program, in their role. */
async function assertStillEnrolled(
  tx: Tx,
  programId: string,
  batch: { mentorId: string; menteeId: string }[],
) {
  const ids = [...new Set(batch.flatMap((m) => [m.mentorId, m.menteeId]))];
  const rows = await tx
    .select({ memberId: enrollments.memberId, role: enrollments.role })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.programId, programId),
        eq(enrollments.status, "approved"),
        inArray(enrollments.memberId, ids),
      ),
    );
  const enrolled = new Set(rows.map((r) => `${r.role}:${r.memberId}`));
  const gone = batch.flatMap((m) => [
    ...(enrolled.has(`mentor:${m.mentorId}`) ? [] : [m.mentorId]),
    ...(enrolled.has(`mentee:${m.menteeId}`) ? [] : [m.menteeId]),
  ]);
  if (gone.length === 0) return;
  const names = await displayNames(tx, gone);
  const who = [...new Set(gone)].map((id) => names.get(id) || id).join(", ");
  throw new AppError(
    "conflict",
    `${who} no longer ${gone.length === 1 ? "has" : "have"} an approved place in this program; nothing was approved.`,
  );
}

/** Discards an open run: its proposals close; matches it already made stay active. */
export async function discardRun({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; runId: string };
}): Promise<MatchRunView> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  const run = await findRun(ctx.db, program.id, input.runId);
  if (run.status === "discarded") return runView(ctx.db, run);
  assertOpen(run);
  await ctx.db.batch([
    ctx.db
      .update(matchRuns)
      .set({ status: "discarded", updatedAt: ctx.now })
      .where(and(eq(matchRuns.id, run.id), eq(matchRuns.status, "open"))),
    ctx.db
      .update(matches)
      .set({
        status: "closed",
        endedAt: ctx.now,
        endReason: "The run was discarded",
        updatedAt: ctx.now,
      })
      .where(and(eq(matches.runId, run.id), eq(matches.status, "proposed"))),
    auditInsert(ctx, {
      action: "match_run.discard",
      subjectType: "match_run",
      subjectId: run.id,
      detail: { programId: program.id },
    }),
  ]);
  return runView(ctx.db, await findRun(ctx.db, program.id, run.id));
}
