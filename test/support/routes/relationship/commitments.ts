import { and, eq } from "drizzle-orm";
import {
  agreementAcknowledgements,
  agreementVersions,
  commitments,
  matches,
} from "../../../../db/tenant/schema";
import { addDays, dayIn } from "../../../../workers/shared/src/domain/check-in-periods";
import { insertMatchRow } from "../../matching-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../../security";
import { openProgram } from "../enrollments";

const day = 86_400_000;

/**
 * An active match whose mentee is the caller, begun `daysAgo` days ago, with an agreement
 * both people acknowledged (the default rules ask for one before commitments and check-ins).
 */
export async function settledPair(ctx: RouteCtx, daysAgo = 0) {
  const { programId } = await openProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: ctx.caller.id,
  });
  const now = ctx.env.clock.now;
  await ctx.org.db
    .update(matches)
    .set({ activatedAt: new Date(now.getTime() - daysAgo * day) })
    .where(eq(matches.id, matchId));
  const versionId = ctx.env.unique("agreement");
  const part = { mentor: "Every other week", mentee: "Every other week" };
  await ctx.org.db.insert(agreementVersions).values({
    id: versionId,
    matchId,
    version: 1,
    entries: {
      goals: part,
      timeCommitment: part,
      meetingFrequency: part,
      communication: part,
      boundaries: part,
    },
    sections: {},
    changedBy: ctx.caller.id,
    createdAt: now,
  });
  await ctx.org.db.insert(agreementAcknowledgements).values([
    { versionId, memberId: mentor.id, at: now },
    { versionId, memberId: ctx.caller.id, at: now },
  ]);
  return { programId, matchId, mentorId: mentor.id };
}

/** A day `n` days from the suite's today, in UTC (every fixture member's zone). */
const dayFromNow = (ctx: RouteCtx, n: number) => addDays(dayIn(ctx.env.clock.now, "UTC"), n);

async function pairWithCommitment(ctx: RouteCtx, done: boolean) {
  const { matchId } = await settledPair(ctx);
  const id = ctx.env.unique("cmt");
  const now = ctx.env.clock.now;
  await ctx.org.db.insert(commitments).values({
    id,
    matchId,
    text: "Draft the talk outline",
    ownerId: ctx.caller.id,
    ownerRole: "mentee",
    dueOn: dayFromNow(ctx, 3),
    doneAt: done ? now : null,
    createdBy: ctx.caller.id,
    createdAt: now,
    updatedAt: now,
  });
  return { matchId, id };
}

const matchCommitments = async ({ org, params }: Target) =>
  org.db.select().from(commitments).where(eq(commitments.matchId, params.matchId!));
const oneCommitment = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(commitments)
    .where(and(eq(commitments.id, params.id!), eq(commitments.matchId, params.matchId!)));

const base = "/v1/matches/{matchId}/commitments";

export const commitmentRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: base,
    caller: "member",
    scope: "meetings:read",
    success: 200,
    prepare: (ctx) => pairWithCommitment(ctx, false),
  },
  {
    method: "POST",
    path: base,
    caller: "member",
    scope: "meetings:write",
    success: 201,
    prepare: settledPair,
    body: (ctx) => ({
      text: "Ask two colleagues for feedback",
      owner: "mentee",
      dueOn: dayFromNow(ctx, 7),
    }),
    snapshot: matchCommitments,
    invalidBodies: (ctx) => ({
      "an empty text": { text: " ", owner: "mentee", dueOn: dayFromNow(ctx, 7) },
      "an owner outside the pair": {
        text: "Read",
        owner: "coordinator",
        dueOn: dayFromNow(ctx, 7),
      },
      "an impossible date": { text: "Read", owner: "mentor", dueOn: "2030-02-30" },
      "a day already past": { text: "Read", owner: "mentor", dueOn: dayFromNow(ctx, -2) },
      "a meeting of no pair": {
        text: "Read",
        owner: "mentor",
        dueOn: dayFromNow(ctx, 7),
        meetingId: "no-such-meeting",
      },
    }),
  },
  {
    method: "PATCH",
    path: `${base}/{id}`,
    caller: "member",
    scope: "meetings:write",
    success: 200,
    prepare: (ctx) => pairWithCommitment(ctx, false),
    body: (ctx) => ({ text: "Draft and share the talk outline", dueOn: dayFromNow(ctx, 5) }),
    snapshot: oneCommitment,
    invalidBodies: (ctx) => ({
      "nothing to change": {},
      "an empty text": { text: "" },
      "a day already past": { dueOn: dayFromNow(ctx, -1) },
      "not a date": { dueOn: "next week" },
    }),
  },
  {
    method: "POST",
    path: `${base}/{id}/done`,
    caller: "member",
    scope: "meetings:write",
    success: 200,
    prepare: (ctx) => pairWithCommitment(ctx, false),
    snapshot: oneCommitment,
  },
  {
    method: "POST",
    path: `${base}/{id}/undone`,
    caller: "member",
    scope: "meetings:write",
    success: 200,
    prepare: (ctx) => pairWithCommitment(ctx, true),
    snapshot: oneCommitment,
  },
];
