import { memberProfiles } from "../../db/tenant/schema";
import { insertMatch } from "../../workers/api/src/features/matches";
import type { MatchStatus } from "../../workers/shared/src/contracts/matches";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import { insertEnrollment } from "./programs-fixtures";

/** A profile that matches well with `sampleProfile` for the other role. */
export const sampleProfile = {
  interests: ["public speaking", "career change"],
  skills: ["public speaking", "negotiation"],
  languages: ["English"],
  availability: "Tuesday evenings",
};

/** Approved in the program with a profile: ready to be matched. */
export async function enrollApproved(
  db: TenantDb,
  programId: string,
  memberId: string,
  role: "mentor" | "mentee",
  profile: Partial<typeof sampleProfile> & { department?: string; seniority?: string } = {},
): Promise<void> {
  await insertEnrollment(db, { programId, memberId, role, status: "approved" });
  await db
    .insert(memberProfiles)
    .values({ memberId, ...sampleProfile, ...profile, updatedAt: new Date() })
    .onConflictDoUpdate({ target: memberProfiles.memberId, set: { ...sampleProfile, ...profile } });
}

/** A match between two members, written straight to the database. */
export async function insertMatchRow(
  db: TenantDb,
  m: { programId: string; mentorId: string; menteeId: string; status?: MatchStatus },
): Promise<string> {
  const id = `mat_${crypto.randomUUID().replaceAll("-", "")}`;
  const status = m.status ?? "active";
  const [match, people] = insertMatch(
    db,
    { ...m, status, mode: "coordinator", score: 70, reasons: [] },
    { id, by: null, at: new Date() },
  );
  await db.batch([match, people]);
  return id;
}
