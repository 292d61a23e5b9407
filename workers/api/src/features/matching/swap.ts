import { and, eq, inArray, sql } from "drizzle-orm";
import { matches, matchParticipants, matchRuns } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchRunView } from "../../../../shared/src/contracts/matches";
import { pairKey } from "../../../../shared/src/domain/matching";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { checkPair, findMatch, loadCohort, pairOf } from "../matches";
import { findProgram } from "../programs";
import { assertOpen, findRun, runView } from "./runs-store";
import { inWriteTurn } from "./write-turns";

/**
 * Two proposals of an open run exchange mentors. Each new pair is checked like any proposal
 * (exclusions, earlier relationships, forbids) and rescored; a refusal changes nothing. The
 * run's total and lowest score follow.
 */
export async function swapProposals({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; runId: string; matchIds: [string, string] };
}): Promise<MatchRunView> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  const run = await findRun(ctx.db, program.id, input.runId);
  assertOpen(run);
  const [a, b] = await Promise.all(
    input.matchIds.map(async (id) => {
      const match = await findMatch(ctx.db, program.id, id);
      if (match.runId !== run.id) throw new AppError("not_found", "No such proposal in this run.");
      if (match.status !== "proposed") {
        const now = match.status.replace("_", " ");
        throw new AppError("conflict", `Only open proposals can be swapped; one is ${now}.`);
      }
      return { id, ...(await pairOf(ctx.db, id)) };
    }),
  );
  if (!a || !b) throw new AppError("validation", "matchIds must be two proposal ids.");
  if (a.mentorId === b.mentorId) {
    throw new AppError(
      "conflict",
      "Both proposals have the same mentor; swapping changes nothing.",
    );
  }
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const pinned = new Set(cohort.pins.map((p) => pairKey(p.mentorId, p.menteeId)));
  for (const m of [a, b]) {
    if (pinned.has(pairKey(m.mentorId, m.menteeId))) {
      const names = [m.mentorId, m.menteeId].map((id) => cohort.profiles.get(id)?.displayName);
      throw new AppError(
        "conflict",
        `${names.join(" and ")} are pinned together; remove the pin before swapping them.`,
      );
    }
  }
  const swapped = [
    [a, b],
    [b, a],
  ].map(([m, other]) => ({
    id: m!.id,
    from: m!.mentorId,
    ...checkPair(program, cohort, { mentorId: other!.mentorId, menteeId: m!.menteeId }, ctx.now, {
      free: false,
    }),
  }));
  await inWriteTurn(ctx.db, async (tx) => {
    for (const m of swapped) {
      const moved = await tx
        .update(matches)
        .set({ score: m.score, reasons: m.reasons, updatedAt: ctx.now })
        .where(and(eq(matches.id, m.id), eq(matches.status, "proposed")))
        .returning({ id: matches.id });
      const mentor = await tx
        .update(matchParticipants)
        .set({ memberId: m.mentorId })
        .where(
          and(
            eq(matchParticipants.matchId, m.id),
            eq(matchParticipants.role, "mentor"),
            eq(matchParticipants.memberId, m.from),
          ),
        )
        .returning({ id: matchParticipants.matchId });
      if (moved.length === 0 || mentor.length === 0) {
        throw new AppError(
          "conflict",
          "One of the proposals changed meanwhile; nothing was swapped.",
        );
      }
    }
    const [sums] = await tx
      .select({
        total: sql<number>`coalesce(sum(${matches.score}), 0)`,
        lowest: sql<number | null>`min(${matches.score})`,
      })
      .from(matches)
      .where(and(eq(matches.runId, run.id), inArray(matches.status, ["proposed", "active"])));
    await tx
      .update(matchRuns)
      .set({
        total: Number(sums?.total ?? 0),
        lowest: sums?.lowest == null ? null : Number(sums.lowest),
        updatedAt: ctx.now,
      })
      .where(eq(matchRuns.id, run.id));
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "match_run.swap",
        subjectType: "match_run",
        subjectId: run.id,
        detail: {
          programId: program.id,
          swapped: swapped.map((m) => ({
            matchId: m.id,
            mentorId: m.mentorId,
            menteeId: m.menteeId,
          })),
        },
      },
    );
  });
  return runView(ctx.db, await findRun(ctx.db, program.id, run.id));
}
