import { and, eq } from "drizzle-orm";
import { matches, matchParticipants } from "../../../../../db/tenant/schema";
import { pairKey } from "../../../../shared/src/domain/matching";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { Cohort } from "../matches";

/**
 * The cohort's blocked pairs, less those of requests still waiting for their mentor: the
 * cohort counts a waiting request as a match between the two, but for the mentee who sent it
 * that mentor is one of their choices, not someone they were matched with before.
 */
export async function blockedButPending(
  db: Pick<TenantDb, "select">,
  programId: string,
  cohort: Pick<Cohort, "blocked">,
  menteeId?: string,
): Promise<Map<string, string>> {
  const rows = await db
    .select({
      matchId: matches.id,
      memberId: matchParticipants.memberId,
      role: matchParticipants.role,
    })
    .from(matches)
    .innerJoin(matchParticipants, eq(matchParticipants.matchId, matches.id))
    .where(and(eq(matches.programId, programId), eq(matches.status, "pending_acceptance")));
  const pairs = new Map<string, { mentorId?: string; menteeId?: string }>();
  for (const r of rows)
    pairs.set(r.matchId, { ...pairs.get(r.matchId), [`${r.role}Id`]: r.memberId });
  const blocked = new Map(cohort.blocked);
  for (const pair of pairs.values()) {
    if (!pair.mentorId || !pair.menteeId) continue;
    if (menteeId === undefined || pair.menteeId === menteeId) {
      blocked.delete(pairKey(pair.mentorId, pair.menteeId));
    }
  }
  return blocked;
}
