import { eq, inArray } from "drizzle-orm";
import { enrollments, memberProfiles, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  EnrollmentStatus,
  EnrollmentView,
} from "../../../../shared/src/contracts/enrollments";
import type { TrainingProgress } from "../../../../shared/src/contracts/training";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { Program } from "../programs";
import { trainingProgress } from "../training";

export type Enrollment = typeof enrollments.$inferSelect;

/** Matching reads this: a member who has not done required training cannot be matched. */
export function eligibleForMatching(
  status: EnrollmentStatus,
  training: TrainingProgress,
  gated: boolean,
): boolean {
  return status === "approved" && (!gated || training.completed >= training.required);
}

/** Views of enrollments of one program, in the order given. */
export async function enrollmentViews(
  db: TenantDb,
  program: Pick<Program, "id" | "rules">,
  rows: readonly Enrollment[],
): Promise<EnrollmentView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.memberId);
  const people = await db
    .select({ member: members, profile: memberProfiles })
    .from(members)
    .leftJoin(memberProfiles, eq(memberProfiles.memberId, members.id))
    .where(inArray(members.id, ids));
  const byId = new Map(people.map((p) => [p.member.id, p]));
  const progress = await trainingProgress(db, program.id, rows);
  const gated = program.rules.training.requiredBeforeMatching;
  return rows.map((row) => {
    const person = byId.get(row.memberId);
    const profile = person?.profile;
    const training = progress.get(row.memberId) ?? { required: 0, completed: 0 };
    return {
      id: row.id,
      programId: row.programId,
      memberId: row.memberId,
      member: {
        displayName: person?.member.displayName ?? "",
        email: person?.member.email ?? "",
      },
      role: row.role,
      status: row.status,
      answers: row.answers,
      profile: {
        interests: profile?.interests ?? [],
        skills: profile?.skills ?? [],
        department: profile?.department ?? "",
        seniority: profile?.seniority ?? "",
        languages: profile?.languages ?? [],
        timeZone: person?.member.timeZone ?? "UTC",
        availability: profile?.availability ?? "",
      },
      decisionMessage: row.decisionMessage,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      training,
      eligibleForMatching: eligibleForMatching(row.status, training, gated),
    };
  });
}

export async function enrollmentView(
  db: TenantDb,
  program: Pick<Program, "id" | "rules">,
  row: Enrollment,
): Promise<EnrollmentView> {
  const [view] = await enrollmentViews(db, program, [row]);
  return view!;
}

/** An enrollment of this program; another program's (or tenant's) ids are not found. */
export async function findEnrollment(
  db: TenantDb,
  programId: string,
  id: string,
): Promise<Enrollment> {
  const [row] = await db.select().from(enrollments).where(eq(enrollments.id, id));
  if (!row || row.programId !== programId) {
    throw new AppError("not_found", `No enrollment of this program has the id "${id}".`);
  }
  return row;
}
