import { and, eq, inArray, isNotNull } from "drizzle-orm";
import {
  evaluationResponses,
  matches,
  matchParticipants,
  programs,
} from "../../../../../db/tenant/schema";
import type {
  DueEvaluationView,
  MyEvaluations,
} from "../../../../shared/src/contracts/stewardship/evaluations";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { displayNames, pairOf } from "../matches";
import { scheduleOf } from "./schedule";

/**
 * The evaluations the signed-in member has to answer now, across every match of theirs that
 * began (active, wrapping up or closed): each with its questions and their draft, if any.
 * What they submitted is done and no longer listed.
 */
export async function listMyEvaluations({ ctx }: { ctx: TenantCtx }): Promise<MyEvaluations> {
  const { memberId } = requireMember(ctx.actor);
  const mine = await ctx.db
    .select({ match: matches, program: programs })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .innerJoin(programs, eq(programs.id, matches.programId))
    .where(
      and(
        eq(matchParticipants.memberId, memberId),
        inArray(matches.status, ["active", "closing", "closed"]),
        isNotNull(matches.activatedAt),
      ),
    )
    .orderBy(matches.activatedAt, matches.id);
  if (mine.length === 0) return { items: [] };
  const responses = await ctx.db
    .select()
    .from(evaluationResponses)
    .where(
      and(
        eq(evaluationResponses.memberId, memberId),
        inArray(
          evaluationResponses.matchId,
          mine.map((m) => m.match.id),
        ),
      ),
    );
  const byKey = new Map(responses.map((r) => [`${r.matchId}/${r.evaluationId}`, r]));
  const items: DueEvaluationView[] = [];
  for (const { match, program } of mine) {
    const due = scheduleOf(program, match).filter((e) => e.dueAt <= ctx.now);
    if (due.length === 0) continue;
    const { mentorId, menteeId } = await pairOf(ctx.db, match.id);
    const partnerId = memberId === mentorId ? menteeId : mentorId;
    const names = await displayNames(ctx.db, [partnerId]);
    for (const evaluation of due) {
      const response = byKey.get(`${match.id}/${evaluation.id}`);
      if (response?.status === "submitted") continue;
      items.push({
        evaluationId: evaluation.id,
        kind: evaluation.kind,
        matchId: match.id,
        programId: program.id,
        programName: program.name,
        partnerName: names.get(partnerId) ?? "",
        dueAt: evaluation.dueAt.toISOString(),
        status: response ? "draft" : "not_started",
        answers: response?.answers ?? {},
        questions: evaluation.questions.map((q) => ({ ...q })),
      });
    }
  }
  return { items };
}
