import { and, asc, eq } from "drizzle-orm";
import {
  enrollments,
  memberProfiles,
  members,
  programs,
  trainingCompletions,
  trainingResources,
} from "../../db/tenant/schema";
import type { TenantDb } from "../../workers/shared/src/db";
import type { RouteCtx, RouteSpec, Target } from "./security-suite";

// Fixtures: rows written straight into a tenant database, shared with the enrollment tests.

type ProgramRow = typeof programs.$inferInsert;
type EnrollmentRow = typeof enrollments.$inferInsert;
type TrainingRow = typeof trainingResources.$inferInsert;

/** A form that asks nothing required, in the rules module's shape. */
export const lenientForm = {
  profileFields: { interests: "optional", availability: "optional" },
  questions: [{ id: "goals", label: "What do you hope for?", kind: "long_text", required: false }],
};

export async function insertProgram(db: TenantDb, over: Partial<ProgramRow> = {}): Promise<string> {
  const now = new Date();
  const id = over.id ?? crypto.randomUUID();
  await db.insert(programs).values({
    id,
    name: "Spring mentoring",
    status: "open",
    rules: {},
    applicationForm: lenientForm,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
  return id;
}

export async function insertEnrollment(
  db: TenantDb,
  row: Pick<EnrollmentRow, "programId" | "memberId"> & Partial<EnrollmentRow>,
): Promise<string> {
  const now = new Date();
  const id = row.id ?? crypto.randomUUID();
  await db.insert(enrollments).values({
    id,
    role: "mentee",
    status: "applied",
    answers: {},
    createdAt: now,
    updatedAt: now,
    ...row,
  });
  return id;
}

export const sampleQuiz = [
  { question: "Who sets the agenda?", options: ["The mentor", "The mentee"], answer: 1 },
];

export async function insertTraining(
  db: TenantDb,
  row: Pick<TrainingRow, "programId"> & Partial<TrainingRow>,
): Promise<string> {
  const id = row.id ?? crypto.randomUUID();
  await db.insert(trainingResources).values({
    id,
    title: "Mentoring basics",
    kind: "quiz",
    quiz: sampleQuiz,
    requiredFor: "both",
    position: 0,
    createdAt: new Date(),
    ...row,
  });
  return id;
}

// Snapshots

const enrollmentRow = async ({ org, params }: Target) =>
  org.db.select().from(enrollments).where(eq(enrollments.id, params.enrollmentId!));

const programEnrollments = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(enrollments)
    .where(eq(enrollments.programId, params.programId!))
    .orderBy(asc(enrollments.id));

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

// Targets

const openProgram = async ({ org }: RouteCtx) => ({
  programId: await insertProgram(org.db, { name: `${org.slug} program` }),
});

/** Someone else's application, for the coordinator's routes. */
const application = async (ctx: RouteCtx) => {
  const { programId } = await openProgram(ctx);
  const applicant = await ctx.env.addMember(ctx.org);
  const enrollmentId = await insertEnrollment(ctx.org.db, { programId, memberId: applicant.id });
  return { programId, enrollmentId };
};

/** A program with a quiz the caller takes part in. */
const trainingOfCaller = async (ctx: RouteCtx) => {
  const { programId } = await openProgram(ctx);
  const memberId = ctx.caller.id;
  await insertEnrollment(ctx.org.db, { programId, memberId, status: "approved" });
  const resourceId = await insertTraining(ctx.org.db, { programId, title: `${ctx.org.slug} quiz` });
  return { programId, resourceId };
};

/**
 * The suite reads a GET at its unfilled path when it looks for another organization's rows, so
 * `{programId}` names no program and the read is a 404. Isolation of these reads is covered by
 * "A's admin on B's ids → 404" and by test/integration/enrollments-review.test.ts.
 */

const programBase = "/v1/programs/{programId}";

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
    method: "GET",
    path: `${programBase}/enrollments/{enrollmentId}`,
    caller: "admin",
    scope: "enrollments:read",
    success: 200,
    prepare: application,
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

/** The member row of an id, for tests that check profile changes. */
export async function memberRow(db: TenantDb, id: string) {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row;
}
