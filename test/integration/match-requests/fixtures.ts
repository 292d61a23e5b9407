import { memberProfiles } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import type { Harness } from "../../support/node-harness";
import { insertEnrollment, insertProgram, sendJson } from "../../support/programs-fixtures";

/** A clock the test moves: the harness and the sweep read it. */
export function testClock(start = new Date("2030-03-04T09:00:00Z")) {
  let now = start;
  return {
    now: () => now,
    advanceDays(days: number) {
      now = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
    },
  };
}

/** A program where mentees choose, matched on interests alone so scores are easy to read. */
export function choosingProgram(db: TenantDb, over: { name?: string; capacity?: number } = {}) {
  return insertProgram(db, {
    name: over.name ?? "Design mentoring",
    rules: {
      matching: {
        mode: "mentee_chooses",
        criteria: [{ field: "interests", weight: 5 }],
        mentorCapacity: over.capacity ?? 2,
        acceptanceWindowDays: 3,
      },
      training: { requiredBeforeMatching: false },
    },
  });
}

/** An approved participant with interests (for a mentor, the same words are their skills). */
export async function participant(
  h: Harness,
  db: TenantDb,
  slug: string,
  p: { programId: string; memberId: string; role: "mentor" | "mentee"; interests: string[] },
) {
  await h.tokenFor(slug, { memberId: p.memberId, role: "member" });
  await insertEnrollment(db, {
    programId: p.programId,
    memberId: p.memberId,
    role: p.role,
    status: "approved",
  });
  await db
    .insert(memberProfiles)
    .values({
      memberId: p.memberId,
      interests: p.interests,
      skills: [],
      languages: [],
      updatedAt: new Date(),
    })
    .onConflictDoNothing();
}

/** Requests as members of one organization, with a fresh token per call (the clock moves). */
export function actingIn(h: Harness, slug: string) {
  return async (memberId: string, method: string, path: string, body?: unknown) =>
    sendJson(h, method, path, await h.tokenFor(slug, { memberId, role: "member" }), body);
}

export const mailbox = (h: Harness) => (to: string) =>
  (h.platform.mail as DevMailbox).list({ to: `${to}@members.test` });
