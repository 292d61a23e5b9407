import { and, eq, inArray } from "drizzle-orm";
import { enrollments, memberProfiles, members } from "../../../../db/tenant/schema";
import type { MatchProfile } from "../domain/matching";
import type { TenantDb } from "../platform/db";

/** The text a mentee wrote in their application: what mentors' skills are looked for in. */
function goalsOf(answers: Record<string, unknown>): string {
  return Object.values(answers)
    .flatMap((a) => (typeof a === "string" ? [a] : Array.isArray(a) ? a.map(String) : []))
    .join(" ");
}

export interface Participant extends MatchProfile {
  role: "mentor" | "mentee";
  email: string;
}

/**
 * The matching profiles of the program's approved, active participants, by member id (in id
 * order): all of them for a whole cohort, or only `memberIds`, the few one request concerns.
 */
export async function participantsOf(
  db: Pick<TenantDb, "select">,
  programId: string,
  memberIds?: readonly string[],
): Promise<Map<string, Participant>> {
  const rows = await db
    .select({ enrollment: enrollments, member: members, profile: memberProfiles })
    .from(enrollments)
    .innerJoin(members, eq(members.id, enrollments.memberId))
    .leftJoin(memberProfiles, eq(memberProfiles.memberId, enrollments.memberId))
    .where(
      and(
        eq(enrollments.programId, programId),
        eq(enrollments.status, "approved"),
        eq(members.status, "active"),
        memberIds ? inArray(enrollments.memberId, [...memberIds]) : undefined,
      ),
    )
    .orderBy(members.id);
  return new Map(
    rows.map(({ enrollment, member, profile }) => [
      member.id,
      {
        memberId: member.id,
        displayName: member.displayName,
        email: member.email,
        role: enrollment.role,
        interests: profile?.interests ?? [],
        skills: profile?.skills ?? [],
        department: profile?.department ?? null,
        seniority: profile?.seniority ?? null,
        languages: profile?.languages ?? [],
        timeZone: member.timeZone,
        availability: profile?.availability ?? null,
        goals: enrollment.role === "mentee" ? goalsOf(enrollment.answers) : "",
        reportsTo: profile?.reportsTo ?? null,
      },
    ]),
  );
}
