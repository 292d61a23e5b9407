import { asc, eq } from "drizzle-orm";
import { evaluationResponses, matches } from "../../../../db/tenant/schema";
import { insertMatchRow } from "../../matching-fixtures";
import { insertProgram } from "../../programs-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../../security";

/**
 * A match whose mid-point check is due: sixty days long, begun forty days ago, its mentee the
 * caller.
 */
export async function evaluatedPair(ctx: RouteCtx) {
  const programId = await insertProgram(ctx.org.db, {
    name: `${ctx.org.slug} program`,
    relationshipLengthDays: 60,
  });
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: ctx.caller.id,
  });
  await ctx.org.db
    .update(matches)
    .set({ activatedAt: new Date(ctx.env.clock.now.getTime() - 40 * 86_400_000) })
    .where(eq(matches.id, matchId));
  return { programId, matchId, evaluationId: "midpoint_check" };
}

/** The caller's submitted mid-point check. */
async function answeredPair(ctx: RouteCtx) {
  const target = await evaluatedPair(ctx);
  const now = ctx.env.clock.now;
  await ctx.org.db.insert(evaluationResponses).values({
    id: `evr_${crypto.randomUUID()}`,
    matchId: target.matchId,
    programId: target.programId,
    evaluationId: "midpoint_check",
    memberId: ctx.caller.id,
    rulesVersion: 1,
    answers: { speak_openly: 4, second_half: `${ctx.org.slug}: more practice` },
    status: "submitted",
    submittedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  return target;
}

const responses = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(evaluationResponses)
    .where(eq(evaluationResponses.matchId, params.matchId!))
    .orderBy(asc(evaluationResponses.id));

export const evaluationRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/me/evaluations",
    caller: "anyMember",
    scope: null,
    success: 200,
    list: { paginated: false },
    prepare: evaluatedPair,
  },
  {
    method: "GET",
    path: "/v1/matches/{matchId}/evaluations",
    caller: "member",
    scope: "matches:read",
    success: 200,
    list: { paginated: false },
    prepare: answeredPair,
  },
  {
    method: "PUT",
    path: "/v1/matches/{matchId}/evaluations/{evaluationId}",
    caller: "member",
    scope: null,
    success: 200,
    prepare: evaluatedPair,
    body: () => ({ answers: { speak_openly: 4, second_half: "Keep going" } }),
    snapshot: responses,
    invalidBodies: () => ({
      "a rating over 5": { answers: { speak_openly: 6 } },
      "a question it does not ask": { answers: { favourite_colour: "blue" } },
      "a submission left unfinished": { answers: { speak_openly: 4 }, submit: true },
      "answers not an object": { answers: "good" },
    }),
  },
  {
    method: "GET",
    path: "/v1/programs/{programId}/evaluations/summary",
    caller: "admin",
    scope: "matches:read",
    success: 200,
    prepare: answeredPair,
  },
];
