import { and, asc, eq } from "drizzle-orm";
import { matches, matchParticipants, matchPins, matchRuns } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { insertEnrollment, insertProgram } from "../programs-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../security";
import { programBase } from "./enrollments";

const base = `${programBase}/matching`;

// Snapshots

const programPins = ({ org, params }: Target) =>
  org.db
    .select()
    .from(matchPins)
    .where(eq(matchPins.programId, params.programId!))
    .orderBy(asc(matchPins.mentorId), asc(matchPins.menteeId));

const programRuns = async ({ org, params }: Target) => ({
  runs: await org.db
    .select()
    .from(matchRuns)
    .where(eq(matchRuns.programId, params.programId!))
    .orderBy(asc(matchRuns.id)),
  matches: await org.db
    .select()
    .from(matches)
    .where(eq(matches.programId, params.programId!))
    .orderBy(asc(matches.id)),
  people: await org.db
    .select()
    .from(matchParticipants)
    .where(eq(matchParticipants.programId, params.programId!))
    .orderBy(asc(matchParticipants.matchId), asc(matchParticipants.role)),
});

// Targets

/** An open program with two approved mentors (one place each) and two approved mentees. */
const cohort = async (ctx: RouteCtx) => {
  const programId = await insertProgram(ctx.org.db, {
    name: `${ctx.org.slug} program`,
    rules: { matching: { mentorCapacity: 1 } },
  });
  const params: Record<string, string> = { programId };
  for (const [name, role] of [
    ["mentorId", "mentor"],
    ["menteeId", "mentee"],
    ["mentor2Id", "mentor"],
    ["mentee2Id", "mentee"],
  ] as const) {
    const member = await ctx.env.addMember(ctx.org);
    await insertEnrollment(ctx.org.db, {
      programId,
      memberId: member.id,
      role,
      status: "approved",
    });
    params[name] = member.id;
  }
  return params;
};

/** The same, with an open run proposing both pairs (made by the organization's admin). */
const withRun = async (ctx: RouteCtx) => {
  const params = await cohort(ctx);
  const res = await ctx.env.send("POST", `/v1/programs/${params.programId}/matching/runs`, {
    token: await ctx.env.memberToken(ctx.org, ctx.org.admin),
    json: { objective: "total" },
  });
  if (res.status !== 201) throw new Error(`run: ${res.status} ${await res.text()}`);
  const run = (await res.json()) as { id: string };
  return { ...params, runId: run.id };
};

const proposalIds = async (db: TenantDb, runId: string) =>
  (
    await db
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.runId, runId), eq(matches.status, "proposed")))
      .orderBy(asc(matches.id))
  ).map((m) => m.id);

export const matchingRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: `${base}/suggestions?memberId={menteeId}`,
    caller: "admin",
    scope: "matches:read",
    success: 200,
    prepare: cohort,
  },
  {
    method: "GET",
    path: `${base}/board`,
    caller: "admin",
    scope: "matches:read",
    success: 200,
    prepare: cohort,
  },
  {
    method: "GET",
    path: `${base}/pins`,
    caller: "admin",
    scope: "matches:read",
    success: 200,
    list: { paginated: false },
    prepare: async (ctx) => {
      const params = await cohort(ctx);
      await ctx.org.db.insert(matchPins).values({
        programId: params.programId!,
        mentorId: params.mentorId!,
        menteeId: params.menteeId!,
        kind: "forbid",
        createdAt: new Date(),
      });
      return params;
    },
  },
  {
    method: "PUT",
    path: `${base}/pins`,
    caller: "admin",
    scope: "matches:write",
    success: 200,
    prepare: cohort,
    body: ({ params }) => ({ mentorId: params.mentorId, menteeId: params.menteeId, kind: "pin" }),
    snapshot: programPins,
    invalidBodies: ({ org }) => ({
      "an unknown kind": { mentorId: org.member.id, menteeId: org.other.id, kind: "maybe" },
      "no mentee": { mentorId: org.member.id, kind: "pin" },
      "a blank mentor": { mentorId: "", menteeId: org.other.id, kind: "forbid" },
    }),
  },
  {
    method: "DELETE",
    path: `${base}/pins?mentorId={mentorId}&menteeId={menteeId}`,
    caller: "admin",
    scope: "matches:write",
    success: 204,
    prepare: async (ctx) => {
      const params = await cohort(ctx);
      await ctx.org.db.insert(matchPins).values({
        programId: params.programId!,
        mentorId: params.mentorId!,
        menteeId: params.menteeId!,
        kind: "pin",
        createdAt: new Date(),
      });
      return params;
    },
    snapshot: programPins,
  },
  {
    method: "POST",
    path: `${base}/runs`,
    caller: "admin",
    scope: "matches:write",
    success: 201,
    prepare: cohort,
    body: () => ({ objective: "balanced" }),
    snapshot: programRuns,
    invalidBodies: () => ({
      "an unknown objective": { objective: "fairest" },
      "the stable objective (requests only)": { objective: "stable" },
    }),
  },
  {
    method: "GET",
    path: `${base}/runs/{runId}`,
    caller: "admin",
    scope: "matches:read",
    success: 200,
    prepare: withRun,
  },
  {
    method: "POST",
    path: `${base}/runs/{runId}/swap`,
    caller: "admin",
    scope: "matches:write",
    success: 200,
    prepare: withRun,
    body: async ({ org, params }) => ({ matchIds: await proposalIds(org.db, params.runId!) }),
    snapshot: programRuns,
    invalidBodies: () => ({
      "one proposal": { matchIds: ["mat_one"] },
      "the same proposal twice": { matchIds: ["mat_one", "mat_one"] },
      "three proposals": { matchIds: ["mat_a", "mat_b", "mat_c"] },
    }),
  },
  {
    method: "POST",
    path: `${base}/runs/{runId}/approve`,
    caller: "admin",
    scope: "matches:write",
    success: 200,
    prepare: withRun,
    body: async ({ org, params }) => ({ matchIds: await proposalIds(org.db, params.runId!) }),
    snapshot: programRuns,
    invalidBodies: () => ({
      "an empty list": { matchIds: [] },
      "an id that is too long": { matchIds: ["x".repeat(101)] },
    }),
  },
  {
    method: "POST",
    path: `${base}/runs/{runId}/discard`,
    caller: "admin",
    scope: "matches:write",
    success: 200,
    prepare: withRun,
    snapshot: programRuns,
  },
];
