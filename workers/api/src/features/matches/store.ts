import { and, eq, inArray, sql } from "drizzle-orm";
import { matches, matchParticipants } from "../../../../../db/tenant/schema";
import type {
  MatchingMode,
  MatchReason,
  MatchStatus,
} from "../../../../shared/src/contracts/matches";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { Actor } from "../../../../shared/src/security/actor";

/** Statuses in which a match holds its people: they are in it, or about to be. */
export const holdingStatuses = ["proposed", "pending_acceptance", "active", "closing"] as const;

export interface NewMatch {
  programId: string;
  mentorId: string;
  menteeId: string;
  status: MatchStatus;
  mode: MatchingMode;
  score: number | null;
  reasons: MatchReason[];
  runId?: string | null;
  choiceRank?: number | null;
  expiresAt?: Date | null;
}

export const newMatchId = () => `mat_${crypto.randomUUID().replaceAll("-", "")}`;

export const madeByOf = (actor: Actor | null) =>
  actor === null ? null : actor.kind === "member" ? actor.memberId : actor.clientId;

/**
 * A one-to-one match as statements (the match and its two participants) for the caller's
 * batch or transaction.
 */
export function insertMatch(
  db: Pick<TenantDb, "insert">,
  m: NewMatch,
  made: { id: string; by: string | null; at: Date },
) {
  const active = m.status === "active";
  return [
    db.insert(matches).values({
      id: made.id,
      programId: m.programId,
      status: m.status,
      mode: m.mode,
      score: m.score,
      reasons: m.reasons,
      madeBy: made.by,
      runId: m.runId ?? null,
      choiceRank: m.choiceRank ?? null,
      expiresAt: m.expiresAt ?? null,
      createdAt: made.at,
      updatedAt: made.at,
      activatedAt: active ? made.at : null,
    }),
    db.insert(matchParticipants).values([
      { matchId: made.id, memberId: m.mentorId, role: "mentor", programId: m.programId },
      { matchId: made.id, memberId: m.menteeId, role: "mentee", programId: m.programId },
    ]),
  ] as const;
}

/** How many active matches each of these members holds in this program in this role. */
export async function activeCounts(
  db: Pick<TenantDb, "select">,
  programId: string,
  role: "mentor" | "mentee",
  memberIds?: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db
    .select({ memberId: matchParticipants.memberId, n: sql<number>`count(*)` })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.programId, programId),
        eq(matchParticipants.role, role),
        // A match wrapping up still holds its people.
        inArray(matches.status, ["active", "closing"]),
        memberIds ? inArray(matchParticipants.memberId, [...memberIds]) : undefined,
      ),
    )
    .groupBy(matchParticipants.memberId);
  return new Map(rows.map((r) => [r.memberId, Number(r.n)]));
}

/**
 * Makes a proposed or requested match active, in one statement that also checks, inside the
 * database's own write lock, that its mentor still has an open place and its mentee no active
 * match in the program: two approvals racing for a mentor's last place cannot both win.
 * Returns false when the match was not activated (taken meanwhile, or no longer open).
 */
export async function activateMatch(
  db: Pick<TenantDb, "all">,
  match: { id: string; programId: string; mentorId: string; menteeId: string },
  capacity: number,
  now: Date,
): Promise<boolean> {
  const at = now.getTime();
  const taken = (memberId: string, role: "mentor" | "mentee") => sql`(
    select count(*) from match_participants p join matches m on m.id = p.match_id
    where p.program_id = ${match.programId} and p.member_id = ${memberId}
      and p.role = ${role} and m.status in ('active', 'closing'))`;
  const rows = await db.all<{ id: string }>(sql`
    update matches set status = 'active', activated_at = ${at}, updated_at = ${at},
      expires_at = null
    where id = ${match.id} and status in ('proposed', 'pending_acceptance')
      and ${taken(match.mentorId, "mentor")} < ${capacity}
      and ${taken(match.menteeId, "mentee")} = 0
    returning id`);
  return rows.length === 1;
}
