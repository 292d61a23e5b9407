import { asc, eq } from "drizzle-orm";
import { matches, memberProfiles } from "../../../db/tenant/schema";
import { enrollApproved, insertMatchRow } from "../matching-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../security";
import { openProgram, programBase } from "./enrollments";

const programMatches = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(matches)
    .where(eq(matches.programId, params.programId!))
    .orderBy(asc(matches.id));

/** An open program with an approved mentor and mentee who could be matched. */
const matchablePair = async (ctx: RouteCtx) => {
  const { programId } = await openProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  const mentee = await ctx.env.addMember(ctx.org);
  await enrollApproved(ctx.org.db, programId, mentor.id, "mentor");
  await enrollApproved(ctx.org.db, programId, mentee.id, "mentee");
  return { programId, mentorId: mentor.id, menteeId: mentee.id };
};

/** An active match; the caller is its mentee, so members may read it. */
const activeMatch = async (ctx: RouteCtx) => {
  const { programId } = await openProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: ctx.caller.id,
  });
  return { programId, matchId };
};

export const matchRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: `${programBase}/matches`,
    caller: "admin",
    scope: "matches:read",
    success: 200,
    list: { paginated: true },
    prepare: activeMatch,
  },
  {
    method: "POST",
    path: `${programBase}/matches`,
    caller: "admin",
    scope: "matches:write",
    success: 201,
    prepare: matchablePair,
    body: ({ params }) => ({ mentorId: params.mentorId, menteeId: params.menteeId }),
    snapshot: programMatches,
    invalidBodies: () => ({
      "no mentee": { mentorId: "someone" },
      "a number for a member": { mentorId: 5, menteeId: "x" },
    }),
  },
  {
    method: "GET",
    path: `${programBase}/matches/{matchId}`,
    caller: "member",
    scope: "matches:read",
    success: 200,
    prepare: activeMatch,
  },
  {
    method: "POST",
    path: `${programBase}/matches/{matchId}/close`,
    caller: "admin",
    scope: "matches:write",
    success: 200,
    prepare: activeMatch,
    body: () => ({ reason: "Goals reached" }),
    snapshot: programMatches,
    invalidBodies: () => ({ "an empty reason": { reason: "  " }, "no reason": {} }),
  },
  {
    method: "GET",
    path: "/v1/me/matches",
    caller: "anyMember",
    scope: null,
    success: 200,
    list: { paginated: false },
    prepare: activeMatch,
  },
  {
    method: "GET",
    path: "/v1/members/{memberId}/reporting-line",
    caller: "admin",
    scope: "members:read",
    success: 200,
    // Someone who reports to the admin, so the answer names one of the organization's people.
    prepare: async (ctx) => {
      const { id } = await ctx.env.addMember(ctx.org);
      await ctx.org.db.insert(memberProfiles).values({
        memberId: id,
        interests: [],
        skills: [],
        languages: [],
        reportsTo: ctx.org.admin.id,
        updatedAt: new Date(),
      });
      return { memberId: id };
    },
  },
  {
    method: "PUT",
    path: "/v1/members/{memberId}/reporting-line",
    caller: "admin",
    scope: "members:write",
    success: 200,
    prepare: async (ctx) => ({ memberId: (await ctx.env.addMember(ctx.org)).id }),
    body: ({ org }) => ({ reportsTo: org.admin.id }),
    snapshot: async ({ org, params }) =>
      org.db.select().from(memberProfiles).where(eq(memberProfiles.memberId, params.memberId!)),
    invalidBodies: () => ({
      "a number": { reportsTo: 5 },
      "an empty id": { reportsTo: "" },
      "no member by that id": { reportsTo: "nobody" },
    }),
  },
];
