import { and, eq, gt, inArray, isNotNull, isNull, lte, max, min, type SQL } from "drizzle-orm";
import {
  agreementAcknowledgements,
  agreementVersions,
  checkInResponses,
  checkIns,
  commitments,
  goals,
  matches,
  matchParticipants,
  meetings,
  members,
  supportContacts,
} from "../../../../db/tenant/schema";
import { addDays, dayIn } from "../domain/check-in-periods";
import type { ProgramRules } from "../domain/program-rules";
import type { MatchSnapshot, Person } from "../domain/reminders";
import { nextContactDue } from "../domain/stewardship";
import type { TenantDb } from "../platform/db";
import { evaluationsOf, lastActivityOf } from "./match-facts";
import { programsById } from "./programs";

type Reader = Pick<TenantDb, "select">;

/** An active match to remind, with its program. */
export interface ActiveMatch {
  id: string;
  activatedAt: Date;
  /** When the last sweep worked out its next reminder falls due (null: not worked out). */
  nextReminderAt: Date | null;
  program: { id: string; name: string; rules: ProgramRules };
}

/**
 * The active matches a sweep evaluates: every one on a full sweep; otherwise only those whose
 * next reminder has come and those never worked out, each read as a range of the
 * (status, next_reminder_at) index, so a sweep with nothing due reads next to nothing.
 */
export async function activeMatches(
  db: Reader,
  opts: { now: Date; full: boolean },
): Promise<ActiveMatch[]> {
  if (opts.full) return activeWhere(db);
  return [
    ...(await activeWhere(db, isNull(matches.nextReminderAt))),
    ...(await activeWhere(db, lte(matches.nextReminderAt, opts.now))),
  ];
}

async function activeWhere(db: Reader, due?: SQL): Promise<ActiveMatch[]> {
  const rows = await db
    .select({
      id: matches.id,
      activatedAt: matches.activatedAt,
      nextReminderAt: matches.nextReminderAt,
      programId: matches.programId,
    })
    .from(matches)
    .where(and(eq(matches.status, "active"), due, isNotNull(matches.activatedAt)));
  const programsOf = await programsById(
    db,
    rows.map((r) => r.programId),
  );
  return rows.flatMap((r) => {
    const program = programsOf.get(r.programId);
    if (!program) return [];
    const { id, name, rules } = program;
    return [
      {
        id: r.id,
        activatedAt: r.activatedAt!,
        nextReminderAt: r.nextReminderAt,
        program: { id, name, rules },
      },
    ];
  });
}

/** Rows grouped by the match they belong to. */
function byMatch<T extends { matchId: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.matchId);
    if (list) list.push(row);
    else grouped.set(row.matchId, [row]);
  }
  return grouped;
}

/** Everything the snapshots of a few matches need, read with one query per kind of fact. */
async function readFacts(db: Reader, ids: string[], now: Date) {
  const [
    seats,
    goalRows,
    commitmentRows,
    contacts,
    held,
    next,
    answers,
    versions,
    evaluations,
    lastActivity,
  ] = await Promise.all([
    db
      .select({
        matchId: matchParticipants.matchId,
        id: members.id,
        role: matchParticipants.role,
        timeZone: members.timeZone,
      })
      .from(matchParticipants)
      .innerJoin(members, eq(members.id, matchParticipants.memberId))
      .where(inArray(matchParticipants.matchId, ids)),
    db
      .select({
        matchId: goals.matchId,
        id: goals.id,
        createdAt: goals.createdAt,
        lastReviewedAt: goals.lastReviewedAt,
      })
      .from(goals)
      .where(and(inArray(goals.matchId, ids), eq(goals.status, "active"))),
    // Done commitments remind nobody, so they are not read.
    db
      .select({
        matchId: commitments.matchId,
        id: commitments.id,
        ownerId: commitments.ownerId,
        dueOn: commitments.dueOn,
      })
      .from(commitments)
      .where(and(inArray(commitments.matchId, ids), isNull(commitments.doneAt))),
    db
      .select({ matchId: supportContacts.matchId, on: supportContacts.contactedOn })
      .from(supportContacts)
      .where(inArray(supportContacts.matchId, ids)),
    db
      .select({ matchId: meetings.matchId, at: max(meetings.startsAt) })
      .from(meetings)
      .where(and(inArray(meetings.matchId, ids), eq(meetings.status, "held")))
      .groupBy(meetings.matchId),
    db
      .select({ matchId: meetings.matchId, at: min(meetings.startsAt) })
      .from(meetings)
      .where(
        and(
          inArray(meetings.matchId, ids),
          eq(meetings.status, "scheduled"),
          gt(meetings.startsAt, now),
        ),
      )
      .groupBy(meetings.matchId),
    db
      .select({
        matchId: checkIns.matchId,
        period: checkIns.period,
        memberId: checkInResponses.memberId,
      })
      .from(checkInResponses)
      .innerJoin(checkIns, eq(checkIns.id, checkInResponses.checkInId))
      .where(inArray(checkIns.matchId, ids)),
    db
      .select({
        matchId: agreementVersions.matchId,
        id: agreementVersions.id,
        version: agreementVersions.version,
        createdAt: agreementVersions.createdAt,
      })
      .from(agreementVersions)
      .where(inArray(agreementVersions.matchId, ids)),
    evaluationsOf(db, ids),
    lastActivityOf(db, ids),
  ]);
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) {
    const seen = latest.get(v.matchId);
    if (!seen || v.version > seen.version) latest.set(v.matchId, v);
  }
  const latestIds = [...latest.values()].map((v) => v.id);
  const acks =
    latestIds.length === 0
      ? []
      : await db
          .select({
            versionId: agreementAcknowledgements.versionId,
            memberId: agreementAcknowledgements.memberId,
          })
          .from(agreementAcknowledgements)
          .where(inArray(agreementAcknowledgements.versionId, latestIds));
  return {
    seats: byMatch(seats),
    goals: byMatch(goalRows),
    commitments: byMatch(commitmentRows),
    contacts: byMatch(contacts),
    lastHeld: new Map(held.map((r) => [r.matchId, r.at])),
    nextMeeting: new Map(next.map((r) => [r.matchId, r.at])),
    answers: byMatch(answers),
    latestAgreement: latest,
    acks,
    evaluations,
    lastActivity,
  };
}

type Facts = Awaited<ReturnType<typeof readFacts>>;

/** The pair, each on their own clock; an error when a seat is empty (a broken match). */
function pairOf(facts: Facts, matchId: string) {
  const rows = facts.seats.get(matchId) ?? [];
  const seat = (role: "mentor" | "mentee"): Person => {
    const row = rows.find((r) => r.role === role);
    if (!row) throw new Error(`Match ${matchId} has no ${role}.`);
    return { id: row.id, timeZone: row.timeZone };
  };
  return { mentor: seat("mentor"), mentee: seat("mentee") };
}

function checkInAnswers(facts: Facts, matchId: string) {
  const byPeriod = new Map<number, string[]>();
  for (const r of facts.answers.get(matchId) ?? []) {
    byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r.memberId]);
  }
  return [...byPeriod].map(([period, answeredBy]) => ({ period, answeredBy }));
}

/** Settled when both acknowledged the latest version; pending since that version (or the start). */
function agreementOf(facts: Facts, match: ActiveMatch, pair: string[]) {
  const latest = facts.latestAgreement.get(match.id);
  if (!latest) return { settled: false, pendingSince: match.activatedAt };
  const acked = facts.acks.filter((a) => a.versionId === latest.id && pair.includes(a.memberId));
  const settled = new Set(acked.map((a) => a.memberId)).size === pair.length;
  return { settled, pendingSince: settled ? null : latest.createdAt };
}

/**
 * One active match as the reminder engine sees it, read on `now`. Goal reviews fall
 * `reviewEveryDays` after the last review (or the goal's creation) on the mentee's calendar.
 */
function snapshotOf(facts: Facts, match: ActiveMatch): MatchSnapshot {
  const { rules } = match.program;
  const { mentor, mentee } = pairOf(facts, match.id);
  const began = dayIn(match.activatedAt, mentee.timeZone);
  return {
    id: match.id,
    activatedAt: match.activatedAt,
    mentor,
    mentee,
    lastHeldMeetingAt: facts.lastHeld.get(match.id) ?? null,
    nextMeetingAt: facts.nextMeeting.get(match.id) ?? null,
    checkInAnswers: checkInAnswers(facts, match.id),
    agreement: agreementOf(facts, match, [mentor.id, mentee.id]),
    goals: (facts.goals.get(match.id) ?? []).map((g) => ({
      id: g.id,
      nextReviewOn: addDays(
        dayIn(g.lastReviewedAt ?? g.createdAt, mentee.timeZone),
        rules.goals.reviewEveryDays,
      ),
    })),
    commitments: (facts.commitments.get(match.id) ?? []).map((c) => ({
      id: c.id,
      ownerId: c.ownerId,
      dueOn: c.dueOn,
      done: false,
    })),
    contactDueOn: nextContactDue(
      began,
      rules.coordinatorContact,
      (facts.contacts.get(match.id) ?? []).map((c) => c.on),
    ),
    evaluations: facts.evaluations.get(match.id) ?? [],
    lastActivityAt: facts.lastActivity.get(match.id) ?? null,
  };
}

/**
 * The snapshots of a few matches (keep the list to a few hundred: each id is a bound variable),
 * read with a handful of queries whatever their number. A match whose facts do not add up (an
 * empty seat) gets its error instead, so the caller can skip it and remind the others.
 */
export async function readMatchSnapshots(
  db: Reader,
  batch: readonly ActiveMatch[],
  now: Date,
): Promise<Map<string, MatchSnapshot | Error>> {
  const facts = await readFacts(
    db,
    batch.map((m) => m.id),
    now,
  );
  const snapshots = new Map<string, MatchSnapshot | Error>();
  for (const match of batch) {
    try {
      snapshots.set(match.id, snapshotOf(facts, match));
    } catch (err) {
      snapshots.set(match.id, err instanceof Error ? err : new Error(String(err)));
    }
  }
  return snapshots;
}
