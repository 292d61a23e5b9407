import { and, asc, eq } from "drizzle-orm";
import { trainingCompletions, trainingResources } from "../../../db/tenant/schema";
import { insertEnrollment, insertTraining, sampleQuiz } from "../programs-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../security";
import { openProgram, programBase } from "./enrollments";

const programTraining = async ({ org, params }: Target) => ({
  resources: await org.db
    .select()
    .from(trainingResources)
    .where(eq(trainingResources.programId, params.programId!))
    .orderBy(asc(trainingResources.id)),
  completions: await org.db
    .select()
    .from(trainingCompletions)
    .orderBy(asc(trainingCompletions.memberId)),
});

/** A program with a quiz the caller takes part in. */
const trainingOfCaller = async (ctx: RouteCtx) => {
  const { programId } = await openProgram(ctx);
  const memberId = ctx.caller.id;
  await insertEnrollment(ctx.org.db, { programId, memberId, status: "approved" });
  const resourceId = await insertTraining(ctx.org.db, { programId, title: `${ctx.org.slug} quiz` });
  return { programId, resourceId };
};

export const trainingRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: `${programBase}/training`,
    caller: "member",
    scope: "programs:read",
    success: 200,
    list: { paginated: false },
    prepare: trainingOfCaller,
  },
  {
    method: "POST",
    path: `${programBase}/training`,
    caller: "admin",
    scope: "programs:write",
    success: 201,
    prepare: openProgram,
    body: () => ({ title: "Kick-off", kind: "quiz", quiz: sampleQuiz, requiredFor: "both" }),
    snapshot: programTraining,
    invalidBodies: () => ({
      "a plain http url": { title: "A", kind: "link", url: "http://x.test", requiredFor: "both" },
      "a link without url": { title: "A", kind: "link", requiredFor: "mentor" },
      "a question with one option": {
        title: "Q",
        kind: "quiz",
        quiz: [{ question: "?", options: ["only"], answer: 0 }],
        requiredFor: "both",
      },
      "an answer that is no option": {
        title: "Q",
        kind: "quiz",
        quiz: [{ question: "?", options: ["a", "b"], answer: 2 }],
        requiredFor: "both",
      },
    }),
  },
  {
    method: "PATCH",
    path: `${programBase}/training/{resourceId}`,
    caller: "admin",
    scope: "programs:write",
    success: 200,
    prepare: trainingOfCaller,
    body: () => ({ title: "Mentoring basics, revised" }),
    snapshot: programTraining,
    invalidBodies: () => ({
      "a blank title": { title: "  " },
      "a link without url": { kind: "link" },
    }),
  },
  {
    method: "DELETE",
    path: `${programBase}/training/{resourceId}`,
    caller: "admin",
    scope: "programs:write",
    success: 204,
    prepare: trainingOfCaller,
    snapshot: programTraining,
  },
  {
    method: "POST",
    path: `${programBase}/training/{resourceId}/complete`,
    caller: "anyMember",
    scope: null,
    success: 204,
    prepare: trainingOfCaller,
    body: () => ({ answers: [1] }),
    snapshot: async ({ org, params, caller }) =>
      org.db
        .select()
        .from(trainingCompletions)
        .where(
          and(
            eq(trainingCompletions.resourceId, params.resourceId!),
            eq(trainingCompletions.memberId, caller.id),
          ),
        ),
    invalidBodies: () => ({ "a wrong quiz answer": { answers: [0] } }),
  },
];
