import { asc, eq } from "drizzle-orm";
import { matchChoices, matches, matchParticipants, matchRuns } from "../../../db/tenant/schema";
import { insertEnrollment, insertProgram } from "../programs-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../security";
import { programBase } from "./enrollments";

// Fixtures: a program where mentees choose, its people and their requests, written straight
// into the tenant database.

const day = 24 * 60 * 60 * 1000;

async function choosingProgram({ org }: RouteCtx) {
  return insertProgram(org.db, {
    name: `${org.slug} choosing program`,
    rules: { matching: { mode: "mentee_chooses" } },
  });
}

const enrol = (ctx: RouteCtx, programId: string, memberId: string, role: "mentor" | "mentee") =>
  insertEnrollment(ctx.org.db, { programId, memberId, role, status: "approved" });

/** A request from `menteeId` waiting for `mentorId`'s answer. */
async function pendingRequest(
  ctx: RouteCtx,
  programId: string,
  mentorId: string,
  menteeId: string,
) {
  const matchId = `mat_${crypto.randomUUID().replaceAll("-", "")}`;
  const now = ctx.env.clock.now;
  await ctx.org.db.insert(matchChoices).values({
    programId,
    menteeId,
    rank: 1,
    mentorId,
    createdAt: now,
  });
  await ctx.org.db.insert(matches).values({
    id: matchId,
    programId,
    status: "pending_acceptance",
    mode: "mentee_chooses",
    score: 50,
    reasons: [],
    madeBy: menteeId,
    choiceRank: 1,
    expiresAt: new Date(now.getTime() + 365 * day),
    createdAt: now,
    updatedAt: now,
  });
  await ctx.org.db.insert(matchParticipants).values([
    { matchId, memberId: mentorId, role: "mentor", programId },
    { matchId, memberId: menteeId, role: "mentee", programId },
  ]);
  return matchId;
}

/** The caller as a mentee, with one mentor to choose. */
const callerAsMentee = async (ctx: RouteCtx) => {
  const programId = await choosingProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  await enrol(ctx, programId, ctx.caller.id, "mentee");
  await enrol(ctx, programId, mentor.id, "mentor");
  return { programId, mentorId: mentor.id };
};

/** The caller as a mentee whose request waits for a mentor. */
const callerRequesting = async (ctx: RouteCtx) => {
  const { programId, mentorId } = await callerAsMentee(ctx);
  await pendingRequest(ctx, programId, mentorId, ctx.caller.id);
  return { programId };
};

/** The caller as a mentor with a request waiting for their answer. */
const callerAsked = async (ctx: RouteCtx) => {
  const programId = await choosingProgram(ctx);
  const mentee = await ctx.env.addMember(ctx.org);
  await enrol(ctx, programId, ctx.caller.id, "mentor");
  await enrol(ctx, programId, mentee.id, "mentee");
  return { matchId: await pendingRequest(ctx, programId, ctx.caller.id, mentee.id) };
};

/** A program with a mentee's choice, for the coordinator's routes. */
const menteeChose = async (ctx: RouteCtx) => {
  const programId = await choosingProgram(ctx);
  const mentee = await ctx.env.addMember(ctx.org);
  const mentor = await ctx.env.addMember(ctx.org);
  await enrol(ctx, programId, mentee.id, "mentee");
  await enrol(ctx, programId, mentor.id, "mentor");
  await ctx.org.db.insert(matchChoices).values({
    programId,
    menteeId: mentee.id,
    rank: 1,
    mentorId: mentor.id,
    createdAt: new Date(),
  });
  return { programId };
};

// Snapshots

const programRequests = async ({ org, params }: Target) => ({
  choices: await org.db
    .select()
    .from(matchChoices)
    .where(eq(matchChoices.programId, params.programId!))
    .orderBy(asc(matchChoices.menteeId), asc(matchChoices.rank)),
  matches: await org.db
    .select()
    .from(matches)
    .where(eq(matches.programId, params.programId!))
    .orderBy(asc(matches.id)),
});

const requestState = async ({ org, params }: Target) => {
  const [request] = await org.db.select().from(matches).where(eq(matches.id, params.matchId!));
  const program = request?.programId ?? "";
  return {
    request,
    program: await org.db
      .select()
      .from(matches)
      .where(eq(matches.programId, program))
      .orderBy(asc(matches.id)),
  };
};

const me = "/v1/me";

export const matchRequestRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: `${me}/programs/{programId}/suggestions`,
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: callerAsMentee,
  },
  {
    method: "GET",
    path: `${me}/programs/{programId}/choices`,
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: callerRequesting,
  },
  {
    method: "PUT",
    path: `${me}/programs/{programId}/choices`,
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: callerAsMentee,
    body: ({ params }) => ({ mentorIds: [params.mentorId] }),
    snapshot: programRequests,
    invalidBodies: () => ({
      "no mentor": { mentorIds: [] },
      "the same mentor twice": { mentorIds: ["m1", "m1"] },
      "more mentors than allowed": { mentorIds: ["m1", "m2", "m3", "m4"] },
      "a mentor that is no id": { mentorIds: [42] },
      "one id instead of a list": { mentorIds: "m1" },
    }),
  },
  {
    method: "DELETE",
    path: `${me}/programs/{programId}/choices`,
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: callerRequesting,
    snapshot: programRequests,
  },
  {
    method: "GET",
    path: `${me}/match-requests`,
    caller: "anyMember",
    scope: null,
    success: 200,
    list: { paginated: false },
    prepare: callerAsked,
  },
  {
    method: "POST",
    path: `${me}/match-requests/{matchId}/accept`,
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: callerAsked,
    snapshot: requestState,
  },
  {
    method: "POST",
    path: `${me}/match-requests/{matchId}/decline`,
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: callerAsked,
    snapshot: requestState,
  },
  {
    method: "GET",
    path: `${programBase}/match-requests`,
    caller: "admin",
    scope: "matches:read",
    success: 200,
    prepare: menteeChose,
  },
  {
    method: "POST",
    path: `${programBase}/match-requests/stable`,
    caller: "admin",
    scope: "matches:write",
    success: 201,
    prepare: menteeChose,
    snapshot: async (t) => ({
      ...(await programRequests(t)),
      runs: await t.org.db
        .select()
        .from(matchRuns)
        .where(eq(matchRuns.programId, t.params.programId!)),
    }),
  },
];
