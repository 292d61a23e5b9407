import { eq } from "drizzle-orm";
import * as v from "valibot";
import { enrollments, members, programs, trainingResources } from "../../db/tenant/schema";
import { applicationForm, programRules } from "../../workers/shared/src/domain/program-rules";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import type { Harness } from "./node-harness";

// Fixtures for the program, enrollment and training tests and their route table: rows written
// straight into a tenant database, and the requests the tests send.

export async function tenantDb(h: Harness, slug: string): Promise<TenantDb> {
  return h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
}

/** A new organization, its database and a token of its admin "coord". */
export async function programsOrg(h: Harness, slug: string, name?: string) {
  await h.createTenant(slug, name);
  const db = await tenantDb(h, slug);
  const admin = await h.tokenFor(slug, { memberId: "coord", role: "admin" });
  return { db, admin };
}

/** A request as `token`, with `body` (when given) sent as JSON. */
export function sendJson(h: Harness, method: string, path: string, token: string, body?: unknown) {
  return h.request(path, {
    method,
    token,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
}

type ProgramRow = typeof programs.$inferInsert;
type EnrollmentRow = typeof enrollments.$inferInsert;
type TrainingRow = typeof trainingResources.$inferInsert;

/** A form that asks nothing required, in the rules module's shape. */
export const lenientForm = {
  profileFields: { interests: "optional", availability: "optional" },
  questions: [{ id: "goals", label: "What do you hope for?", kind: "long_text", required: false }],
};

type ProgramFixture = Omit<Partial<ProgramRow>, "rules" | "applicationForm"> & {
  /** Parsed with the rules schema, as creating a program does: defaults fill the rest. */
  rules?: unknown;
  applicationForm?: unknown;
};

export async function insertProgram(db: TenantDb, over: ProgramFixture = {}): Promise<string> {
  const now = new Date();
  const id = over.id ?? crypto.randomUUID();
  await db.insert(programs).values({
    id,
    name: "Spring mentoring",
    status: "open",
    createdAt: now,
    updatedAt: now,
    ...over,
    rules: v.parse(programRules, over.rules ?? {}),
    applicationForm: v.parse(applicationForm, over.applicationForm ?? lenientForm),
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

/** The member row of an id, for tests that check profile changes. */
export async function memberRow(db: TenantDb, id: string) {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  return row;
}
