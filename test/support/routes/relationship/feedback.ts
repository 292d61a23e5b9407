import { asc, eq } from "drizzle-orm";
import { feedback } from "../../../../db/tenant/schema";
import type { RouteCtx, RouteSpec, Target } from "../../security";
import { settledPair } from "./goals";

/** Feedback the caller (the pair's mentee) gave their mentor. */
async function feedbackGiven(ctx: RouteCtx) {
  const target = await settledPair(ctx);
  await ctx.org.db.insert(feedback).values({
    id: `fbk_${crypto.randomUUID()}`,
    matchId: target.matchId,
    authorId: ctx.caller.id,
    recipientId: target.mentorId,
    answers: { workingWell: `${ctx.org.slug}: clear next steps`, support: "" },
    createdAt: new Date(),
  });
  return target;
}

const pairFeedback = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(feedback)
    .where(eq(feedback.matchId, params.matchId!))
    .orderBy(asc(feedback.id));

export const feedbackRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/matches/{matchId}/feedback",
    caller: "member",
    scope: null,
    success: 200,
    list: { paginated: false },
    prepare: feedbackGiven,
  },
  {
    method: "POST",
    path: "/v1/matches/{matchId}/feedback",
    caller: "member",
    scope: null,
    success: 201,
    prepare: settledPair,
    body: () => ({
      answers: { workingWell: "You listen before advising", support: "Share more examples" },
      note: "Thanks for last week",
      shareWithCoordinators: false,
    }),
    snapshot: pairFeedback,
    invalidBodies: () => ({
      "both answers empty": { answers: { workingWell: " ", support: "" } },
      "no answers at all": { answers: {} },
      "an answer over 2000 characters": { answers: { workingWell: "x".repeat(2001) } },
      "a meeting the pair never held": { answers: { support: "More time" }, meetingId: "nope" },
    }),
  },
];
