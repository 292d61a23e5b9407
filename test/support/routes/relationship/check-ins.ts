import { eq, inArray } from "drizzle-orm";
import { checkInResponses, checkIns, coordinatorTasks } from "../../../../db/tenant/schema";
import type { RouteCtx, RouteSpec, Target } from "../../security";
import { programBase } from "../enrollments";
import { settledPair } from "./commitments";

/** Past the default first check-in (day 30), so check-in 1 is open today. */
const withOpenCheckIn = (ctx: RouteCtx) => settledPair(ctx, 35);

/** The default questions, all answered. */
const answers = {
  met_as_agreed: true,
  feel_heard: 4,
  goal_progress: 3,
  worth_celebrating: "The first talk went well",
  want_coordinator: false,
};

const responsesOf = async ({ org, params }: Target) => {
  const rows = await org.db
    .select({ id: checkIns.id })
    .from(checkIns)
    .where(eq(checkIns.matchId, params.matchId!));
  const ids = rows.map((r) => r.id);
  return {
    responses: await org.db
      .select()
      .from(checkInResponses)
      .where(inArray(checkInResponses.checkInId, ids)),
    tasks: await org.db
      .select()
      .from(coordinatorTasks)
      .where(eq(coordinatorTasks.matchId, params.matchId!)),
  };
};

/** An open contact request in a program, from someone else's check-in. */
async function openTask(ctx: RouteCtx) {
  const mentee = await ctx.env.addMember(ctx.org);
  const { programId, matchId } = await settledPair({ ...ctx, caller: mentee }, 35);
  const now = ctx.env.clock.now;
  const checkInId = ctx.env.unique("chk");
  await ctx.org.db.insert(checkIns).values({
    id: checkInId,
    matchId,
    period: 1,
    opensOn: "2030-01-01",
    closesOn: "2030-01-30",
    createdAt: now,
  });
  const taskId = ctx.env.unique("tsk");
  await ctx.org.db.insert(coordinatorTasks).values({
    id: taskId,
    matchId,
    programId,
    kind: "contact_requested",
    memberId: mentee.id,
    sourceId: checkInId,
    status: "open",
    createdAt: now,
  });
  return { programId, taskId };
}

export const checkInRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/me/check-ins",
    caller: "anyMember",
    scope: null,
    success: 200,
    list: { paginated: false },
    prepare: withOpenCheckIn,
  },
  {
    method: "GET",
    path: "/v1/matches/{matchId}/check-ins",
    caller: "member",
    scope: "checkins:read",
    success: 200,
    // Coordinators say why they open a pair's check-in answers; the pair and integrations
    // (who never see answers) need not, and the header changes nothing for them.
    headers: { "read-reason": "check_in_follow_up" },
    prepare: withOpenCheckIn,
  },
  {
    method: "PUT",
    path: "/v1/matches/{matchId}/check-ins/{period}/response",
    caller: "member",
    scope: null,
    success: 200,
    prepare: async (ctx) => ({ ...(await withOpenCheckIn(ctx)), period: "1" }),
    body: () => ({ answers }),
    snapshot: responsesOf,
    invalidBodies: () => ({
      "a rating above 5": { answers: { ...answers, feel_heard: 6 } },
      "a rating between numbers": { answers: { ...answers, goal_progress: 2.5 } },
      "text for a yes/no question": { answers: { ...answers, met_as_agreed: "yes" } },
      "a rating left out": { answers: { ...answers, feel_heard: undefined } },
      "a question the program does not ask": { answers: { ...answers, favourite_colour: "blue" } },
      "text over 2,000 characters": {
        answers: { ...answers, worth_celebrating: "x".repeat(2001) },
      },
    }),
  },
  {
    method: "GET",
    path: `${programBase}/coordinator-tasks`,
    caller: "admin",
    scope: null,
    success: 200,
    list: { paginated: true },
    prepare: openTask,
  },
  {
    method: "POST",
    path: `${programBase}/coordinator-tasks/{taskId}/done`,
    caller: "admin",
    scope: null,
    success: 200,
    prepare: openTask,
    snapshot: async ({ org, params }) =>
      org.db.select().from(coordinatorTasks).where(eq(coordinatorTasks.id, params.taskId!)),
  },
];
