import { eq } from "drizzle-orm";
import { matches, meetings } from "../../db/tenant/schema";
import type { EnrollmentView } from "../../workers/shared/src/contracts/enrollments";
import type { MeView } from "../../workers/shared/src/contracts/me";
import type { ProgramView } from "../../workers/shared/src/contracts/programs";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { insertMatchRow } from "../support/matching-fixtures";
import { addMember, apiCall, apiToken, type E2e } from "./helpers";
import type { Person } from "./matching-seed";

// A pair as the matching screens would leave it, some days into its first month; and the
// one thing a browser test cannot wait for: time passing until a scheduled meeting is over.

const day = 24 * 60 * 60 * 1000;

async function tenantDbOf(e2e: E2e, slug: string) {
  const { platform } = e2e.host;
  return platform.connections.db(await findTenantBySlug(platform.control, slug));
}

async function approvedMember(
  e2e: E2e,
  slug: string,
  adminToken: string,
  programId: string,
  p: Person,
): Promise<string> {
  await addMember(e2e, adminToken, p);
  const token = await apiToken(e2e, slug, p.email, p.password);
  const applied = await apiCall<EnrollmentView>(
    e2e,
    token,
    `/v1/programs/${programId}/enrollments`,
    {
      method: "POST",
      body: { role: p.role, profile: { availability: "Weekday evenings", ...p.profile } },
    },
  );
  await apiCall(e2e, adminToken, `/v1/programs/${programId}/enrollments/${applied.id}/decision`, {
    method: "POST",
    body: { decision: "approve" },
  });
  return (await apiCall<MeView>(e2e, token, "/v1/me")).id;
}

/**
 * An open program whose agreement is required and whose first check-in comes a week in, with
 * a mentor and a mentee matched `daysAgo` days ago.
 */
export async function seedPair(
  e2e: E2e,
  slug: string,
  adminToken: string,
  people: { mentor: Person; mentee: Person },
  daysAgo: number,
): Promise<{ program: ProgramView; matchId: string; mentorId: string; menteeId: string }> {
  const program = await apiCall<ProgramView>(e2e, adminToken, "/v1/programs", {
    method: "POST",
    body: {
      name: "First-year mentoring",
      rules: {
        matching: { mode: "coordinator" },
        training: { requiredBeforeMatching: false },
        agreement: { required: true },
        meetings: { format: "either", frequencyDays: 14, minMinutes: 30 },
        checkIns: { firstDay: 7, everyDays: 28 },
        goals: { minPerMatch: 1 },
      },
      applicationForm: { profileFields: {}, questions: [] },
    },
  });
  await apiCall(e2e, adminToken, `/v1/programs/${program.id}/status`, {
    method: "POST",
    body: { status: "open" },
  });
  const mentorId = await approvedMember(e2e, slug, adminToken, program.id, people.mentor);
  const menteeId = await approvedMember(e2e, slug, adminToken, program.id, people.mentee);
  const db = await tenantDbOf(e2e, slug);
  const matchId = await insertMatchRow(db, { programId: program.id, mentorId, menteeId });
  const since = new Date(Date.now() - daysAgo * day);
  await db
    .update(matches)
    .set({ createdAt: since, activatedAt: since })
    .where(eq(matches.id, matchId));
  return { program, matchId, mentorId, menteeId };
}

/** The pair's scheduled meetings move `daysAgo` days into the past, as if they had come. */
export async function meetingsCameAndWent(
  e2e: E2e,
  slug: string,
  matchId: string,
  daysAgo: number,
): Promise<void> {
  const db = await tenantDbOf(e2e, slug);
  const rows = await db.select().from(meetings).where(eq(meetings.matchId, matchId));
  for (const row of rows.filter((r) => r.status === "scheduled")) {
    const startsAt = new Date(Date.now() - daysAgo * day);
    await db.update(meetings).set({ startsAt }).where(eq(meetings.id, row.id));
  }
}
