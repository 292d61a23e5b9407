import { and, eq } from "drizzle-orm";
import { matchClosures, matches } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchView, PairInput } from "../../../../shared/src/contracts/matches";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { activateInTx } from "./activation";
import { loadCohort } from "./cohort";
import { assertMatchingOn, checkPair } from "./pair-check";
import { findMatch } from "./records";
import { insertMatch, madeByOf, newMatchId } from "./store";
import { matchViews } from "./views";

/**
 * A coordinator matches two people by hand: checked like any proposal (eligibility, every
 * exclusion, capacity), scored and explained, and active at once with both welcomes sent.
 */
export async function makeMatch({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: PairInput & { programId: string };
}): Promise<MatchView> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  assertMatchingOn(program);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const pair = checkPair(program, cohort, input, ctx.now);
  const id = newMatchId();
  await ctx.db.transaction(async (tx) => {
    const [match, people] = insertMatch(
      tx,
      {
        programId: program.id,
        ...pair,
        status: "proposed",
        mode: "coordinator",
      },
      { id, by: madeByOf(ctx.actor), at: ctx.now },
    );
    await match;
    await people;
    await activateInTx(tx, ctx, program, [{ id, ...pair, how: "made by a coordinator" }]);
  });
  const [view] = await matchViews(ctx.db, [await findMatch(ctx.db, program.id, id)]);
  return view!;
}

/** A coordinator ends an active match, saying why; both people can be matched again later. */
export async function closeMatch({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; matchId: string; reason: string };
}): Promise<MatchView> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  const match = await findMatch(ctx.db, program.id, input.matchId);
  if (match.status === "closed") return (await matchViews(ctx.db, [match]))[0]!;
  const from = match.status;
  if (from !== "active" && from !== "closing") {
    throw new AppError(
      "conflict",
      `Only an active match can be closed; this one is ${match.status.replace("_", " ")}.`,
    );
  }
  // Recorded like every closure; the pair is told through the match's own close route.
  const closure = {
    kind: from === "closing" ? ("planned" as const) : ("unplanned" as const),
    reasonCode: "other",
    reasonText: input.reason,
    initiatedBy: madeByOf(ctx.actor) ?? "",
    checklist: {
      bothTold: false,
      exitSurveyOffered: program.rules.closure.exitSurvey,
      procedureShown: false,
      contactPolicyShown: false,
    },
    closedAt: ctx.now,
  };
  await ctx.db.batch([
    ctx.db
      .update(matches)
      .set({ status: "closed", endedAt: ctx.now, endReason: input.reason, updatedAt: ctx.now })
      .where(and(eq(matches.id, match.id), eq(matches.status, from))),
    ctx.db
      .insert(matchClosures)
      .values({ matchId: match.id, ...closure, startedAt: ctx.now })
      .onConflictDoUpdate({ target: matchClosures.matchId, set: closure }),
    auditInsert(ctx, {
      action: "match.close",
      subjectType: "match",
      subjectId: match.id,
      detail: { programId: program.id, from, to: "closed", reason: input.reason },
    }),
  ]);
  return (await matchViews(ctx.db, [await findMatch(ctx.db, program.id, match.id)]))[0]!;
}
