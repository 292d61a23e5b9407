import { inArray } from "drizzle-orm";
import { type matches, matchParticipants, members } from "../../../../../db/tenant/schema";
import type { MatchView } from "../../../../shared/src/contracts/matches";
import type { TenantDb } from "../../../../shared/src/platform/db";

export type Match = typeof matches.$inferSelect;
type Participant = typeof matchParticipants.$inferSelect;

/** Views of matches in the order given, each with its people and their names. */
export async function matchViews(
  db: Pick<TenantDb, "select">,
  rows: readonly Match[],
): Promise<MatchView[]> {
  if (rows.length === 0) return [];
  const people = await db
    .select()
    .from(matchParticipants)
    .where(
      inArray(
        matchParticipants.matchId,
        rows.map((r) => r.id),
      ),
    );
  const names = await displayNames(
    db,
    people.map((p) => p.memberId),
  );
  const byMatch = new Map<string, Participant[]>();
  for (const p of people) byMatch.set(p.matchId, [...(byMatch.get(p.matchId) ?? []), p]);
  return rows.map((row) => ({
    id: row.id,
    programId: row.programId,
    status: row.status,
    mode: row.mode,
    // Mentors first, then mentees, each by name: the order people read a pair in.
    participants: (byMatch.get(row.id) ?? [])
      .map((p) => ({
        memberId: p.memberId,
        role: p.role,
        displayName: names.get(p.memberId) ?? "",
      }))
      .sort((a, b) => b.role.localeCompare(a.role) || a.displayName.localeCompare(b.displayName)),
    score: row.score,
    reasons: row.reasons,
    madeBy: row.madeBy,
    runId: row.runId,
    choiceRank: row.choiceRank,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
  }));
}

/** Members' display names by id; a member who is gone reads as "". */
export async function displayNames(
  db: Pick<TenantDb, "select">,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, displayName: members.displayName })
    .from(members)
    .where(inArray(members.id, unique));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
