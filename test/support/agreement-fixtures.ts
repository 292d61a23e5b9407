import { eq } from "drizzle-orm";
import { members } from "../../db/tenant/schema";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import { insertMatchRow } from "./matching-fixtures";
import type { Harness } from "./node-harness";
import { insertProgram, programsOrg } from "./programs-fixtures";

// A pair for the agreement and timeline tests: mentor Mia, mentee Tom, coordinator "coord",
// and Una, a member outside the pair.

export interface PairOrg {
  db: TenantDb;
  token: { coord: string; mia: string; tom: string; una: string };
}

export async function pairOrg(h: Harness, slug: string): Promise<PairOrg> {
  const { db, admin } = await programsOrg(h, slug);
  const as = (memberId: string) => h.tokenFor(slug, { memberId, role: "member" });
  const token = { coord: admin, mia: await as("mia"), tom: await as("tom"), una: await as("una") };
  await db.update(members).set({ displayName: "Mia Mentor" }).where(eq(members.id, "mia"));
  await db.update(members).set({ displayName: "Tom Mentee" }).where(eq(members.id, "tom"));
  return { db, token };
}

/** A program with these rules (defaults for the rest) and an active match of Mia and Tom. */
export async function newPair(
  db: TenantDb,
  rules: unknown = {},
  status: "active" | "closed" = "active",
) {
  const programId = await insertProgram(db, { name: "Career switchers", rules });
  const matchId = await insertMatchRow(db, { programId, mentorId: "mia", menteeId: "tom", status });
  return { programId, matchId };
}

/** Every entry of one person's part, "" unless given. */
export const part = (over: Partial<Record<string, string>> = {}) => ({
  goals: "",
  timeCommitment: "",
  meetingFrequency: "",
  communication: "",
  boundaries: "",
  ...over,
});
