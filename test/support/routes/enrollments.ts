import { asc, eq } from "drizzle-orm";
import { enrollments, memberProfiles } from "../../../db/tenant/schema";
import { insertEnrollment, insertProgram } from "../programs-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../security";

// Snapshots

const enrollmentRow = async ({ org, params }: Target) =>
  org.db.select().from(enrollments).where(eq(enrollments.id, params.enrollmentId!));

const programEnrollments = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(enrollments)
    .where(eq(enrollments.programId, params.programId!))
    .orderBy(asc(enrollments.id));

// Targets

export const openProgram = async ({ org }: RouteCtx) => ({
  programId: await insertProgram(org.db, { name: `${org.slug} program` }),
});

/** Someone else's application, for the coordinator's routes. */
const application = async (ctx: RouteCtx) => {
  const { programId } = await openProgram(ctx);
  const applicant = await ctx.env.addMember(ctx.org);
  const enrollmentId = await insertEnrollment(ctx.org.db, { programId, memberId: applicant.id });
  return { programId, enrollmentId };
};

/**
 * The suite reads a GET at its unfilled path when it looks for another organization's rows, so
 * `{programId}` names no program and the read is a 404. Isolation of these reads is covered by
 * "A's admin on B's ids → 404" and by test/integration/enrollments/review.test.ts.
 */

export const programBase = "/v1/programs/{programId}";

export const enrollmentRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: `${programBase}/enrollments`,
    caller: "admin",
    scope: "enrollments:read",
    success: 200,
    list: { paginated: true },
    prepare: application,
  },
  {
    method: "POST",
    path: `${programBase}/enrollments`,
    caller: "anyMember",
    scope: null,
    success: 201,
    prepare: openProgram,
    body: () => ({
      role: "mentee",
      profile: { interests: ["design"], timeZone: "Europe/Berlin" },
      answers: { goals: "Confidence in code review" },
    }),
    snapshot: async (t) => ({
      enrollments: await programEnrollments(t),
      profile: await t.org.db
        .select()
        .from(memberProfiles)
        .where(eq(memberProfiles.memberId, t.caller.id)),
    }),
    invalidBodies: () => ({
      "an unknown role": { role: "boss" },
      "an unknown time zone": { role: "mentor", profile: { timeZone: "Mars/Olympus" } },
      "an answer to no question": { role: "mentor", answers: { nope: "x" } },
    }),
  },
  {
    method: "POST",
    path: `${programBase}/enrollments/bulk`,
    caller: "admin",
    scope: "enrollments:write",
    success: 200,
    prepare: async (ctx) => ({
      ...(await openProgram(ctx)),
      email: (await ctx.env.addMember(ctx.org)).email,
    }),
    body: ({ params }) => ({ rows: [{ email: params.email, role: "mentee" }], mode: "valid_only" }),
    snapshot: programEnrollments,
    invalidBodies: ({ org }) => ({
      "an unknown mode": { rows: [{ email: org.member.email, role: "mentee" }], mode: "some" },
      "no rows": { rows: [], mode: "valid_only" },
      "a bad row, all or nothing": {
        rows: [{ email: org.member.email, role: "coach" }],
        mode: "all_or_nothing",
      },
    }),
  },
  {
    // A member reads their own enrollment only (someone else's is a 403: see
    // test/integration/enrollments/apply.test.ts); the suite's caller reads their own.
    method: "GET",
    path: `${programBase}/enrollments/{enrollmentId}`,
    caller: "member",
    scope: "enrollments:read",
    success: 200,
    prepare: async (ctx) => {
      const { programId } = await openProgram(ctx);
      const memberId = ctx.caller.id;
      return {
        programId,
        enrollmentId: await insertEnrollment(ctx.org.db, { programId, memberId }),
      };
    },
  },
  {
    method: "POST",
    path: `${programBase}/enrollments/{enrollmentId}/decision`,
    caller: "admin",
    scope: "enrollments:write",
    success: 200,
    prepare: application,
    body: () => ({ decision: "approve", message: "Welcome aboard!" }),
    snapshot: enrollmentRow,
    invalidBodies: () => ({
      "an unknown decision": { decision: "maybe" },
      "a message over 1000 characters": { decision: "decline", message: "x".repeat(1001) },
    }),
  },
  {
    method: "GET",
    path: "/v1/me/enrollments",
    caller: "anyMember",
    scope: null,
    success: 200,
    list: { paginated: false },
    // The organization's plain member applies too, so the suite's reads as them find rows.
    prepare: async (ctx) => {
      const { programId } = await openProgram(ctx);
      for (const memberId of new Set([ctx.caller.id, ctx.org.member.id])) {
        await insertEnrollment(ctx.org.db, { programId, memberId });
      }
      return {};
    },
  },
  {
    method: "POST",
    path: "/v1/me/enrollments/{enrollmentId}/withdraw",
    caller: "anyMember",
    scope: null,
    success: 200,
    prepare: async (ctx) => {
      const { programId } = await openProgram(ctx);
      const memberId = ctx.caller.id;
      return { enrollmentId: await insertEnrollment(ctx.org.db, { programId, memberId }) };
    },
    snapshot: enrollmentRow,
  },
];
