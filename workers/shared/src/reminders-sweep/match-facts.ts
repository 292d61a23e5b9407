import { and, eq, inArray, max } from "drizzle-orm";
import {
  agreementAcknowledgements,
  agreementVersions,
  checkInResponses,
  checkIns,
  commitments,
  evaluationResponses,
  feedback,
  goals,
  goalUpdates,
  matches,
  meetings,
} from "../../../../db/tenant/schema";
import { evaluationSchedule } from "../domain/evaluation-schedule";
import type { MatchEvaluation } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import { programsById } from "./programs";

type Reader = Pick<TenantDb, "select">;

/**
 * Each match's evaluations, from when each can be answered (the program's evaluation
 * schedule, as the API opens them), with who has submitted each. Two queries, whatever the
 * number of matches.
 */
export async function evaluationsOf(
  db: Reader,
  matchIds: readonly string[],
): Promise<Map<string, MatchEvaluation[]>> {
  const byMatch = new Map<string, MatchEvaluation[]>();
  if (matchIds.length === 0) return byMatch;
  const ids = [...matchIds];
  const rows = await db
    .select({
      id: matches.id,
      activatedAt: matches.activatedAt,
      endedAt: matches.endedAt,
      programId: matches.programId,
    })
    .from(matches)
    .where(inArray(matches.id, ids));
  const programsOf = await programsById(
    db,
    rows.map((r) => r.programId),
  );
  const submitted = await db
    .select({
      matchId: evaluationResponses.matchId,
      evaluationId: evaluationResponses.evaluationId,
      memberId: evaluationResponses.memberId,
    })
    .from(evaluationResponses)
    .where(
      and(inArray(evaluationResponses.matchId, ids), eq(evaluationResponses.status, "submitted")),
    );
  for (const row of rows) {
    const program = programsOf.get(row.programId);
    if (!program) continue;
    const schedule = evaluationSchedule(program.rules, program, row);
    byMatch.set(
      row.id,
      schedule.map((e) => ({
        id: e.id,
        kind: e.kind,
        opensAt: e.dueAt,
        submittedBy: submitted
          .filter((s) => s.matchId === row.id && s.evaluationId === e.id)
          .map((s) => s.memberId),
      })),
    );
  }
  return byMatch;
}

type Moments = { matchId: string; at: (Date | null)[] }[];

// What the pair did, each from one grouped query: meetings planned or logged (not their
// status moving on by itself, as a missed meeting does in the sweep), check-ins answered,
// commitments made or done, goals set or updated, agreements saved or acknowledged, feedback.
const activityQueries = (db: Reader, ids: string[]): Promise<Moments>[] => [
  db
    .select({ matchId: meetings.matchId, a: max(meetings.createdAt), b: max(meetings.loggedAt) })
    .from(meetings)
    .where(inArray(meetings.matchId, ids))
    .groupBy(meetings.matchId)
    .then(pairs),
  db
    .select({ matchId: checkIns.matchId, a: max(checkInResponses.updatedAt) })
    .from(checkInResponses)
    .innerJoin(checkIns, eq(checkIns.id, checkInResponses.checkInId))
    .where(inArray(checkIns.matchId, ids))
    .groupBy(checkIns.matchId)
    .then(pairs),
  db
    .select({
      matchId: commitments.matchId,
      a: max(commitments.createdAt),
      b: max(commitments.doneAt),
    })
    .from(commitments)
    .where(inArray(commitments.matchId, ids))
    .groupBy(commitments.matchId)
    .then(pairs),
  db
    .select({ matchId: goals.matchId, a: max(goals.createdAt), b: max(goalUpdates.createdAt) })
    .from(goals)
    .leftJoin(goalUpdates, eq(goalUpdates.goalId, goals.id))
    .where(inArray(goals.matchId, ids))
    .groupBy(goals.matchId)
    .then(pairs),
  db
    .select({
      matchId: agreementVersions.matchId,
      a: max(agreementVersions.createdAt),
      b: max(agreementAcknowledgements.at),
    })
    .from(agreementVersions)
    .leftJoin(
      agreementAcknowledgements,
      eq(agreementAcknowledgements.versionId, agreementVersions.id),
    )
    .where(inArray(agreementVersions.matchId, ids))
    .groupBy(agreementVersions.matchId)
    .then(pairs),
  db
    .select({ matchId: feedback.matchId, a: max(feedback.createdAt) })
    .from(feedback)
    .where(inArray(feedback.matchId, ids))
    .groupBy(feedback.matchId)
    .then(pairs),
];

function pairs(rows: { matchId: string; a: Date | null; b?: Date | null }[]): Moments {
  return rows.map((r) => ({ matchId: r.matchId, at: [r.a, r.b ?? null] }));
}

/**
 * When each match last saw the pair do something, or null when they have done nothing yet.
 * A handful of grouped queries, whatever the number of matches.
 */
export async function lastActivityOf(
  db: Reader,
  matchIds: readonly string[],
): Promise<Map<string, Date | null>> {
  const latest = new Map<string, Date | null>(matchIds.map((id) => [id, null]));
  if (matchIds.length === 0) return latest;
  for (const moments of await Promise.all(activityQueries(db, [...matchIds]))) {
    for (const { matchId, at } of moments) {
      for (const moment of at) {
        const seen = latest.get(matchId);
        if (moment && (!seen || moment > seen)) latest.set(matchId, moment);
      }
    }
  }
  return latest;
}
