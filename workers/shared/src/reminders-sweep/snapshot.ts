import { and, desc, eq, gt, inArray, isNotNull } from "drizzle-orm";
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
  programs,
  supportContacts,
} from "../../../../db/tenant/schema";
import { addDays, dayIn } from "../domain/check-in-periods";
import type { ProgramRules } from "../domain/program-rules";
import type { MatchSnapshot, Person } from "../domain/reminders";
import { nextContactDue } from "../domain/stewardship";
import type { TenantDb } from "../platform/db";
import { matchFacts } from "./match-facts";

type Reader = Pick<TenantDb, "select">;

/** An active match to remind, with its program. */
export interface ActiveMatch {
  id: string;
  activatedAt: Date;
  program: { id: string; name: string; rules: ProgramRules };
}

export async function activeMatches(db: Reader): Promise<ActiveMatch[]> {
  const rows = await db
    .select({
      id: matches.id,
      activatedAt: matches.activatedAt,
      programId: programs.id,
      programName: programs.name,
      rules: programs.rules,
    })
    .from(matches)
    .innerJoin(programs, eq(programs.id, matches.programId))
    .where(and(eq(matches.status, "active"), isNotNull(matches.activatedAt)));
  return rows.map((r) => ({
    id: r.id,
    activatedAt: r.activatedAt!,
    program: { id: r.programId, name: r.programName, rules: r.rules },
  }));
}

/** The pair, each on their own clock; an error when a seat is empty (a broken match). */
async function pairOf(db: Reader, matchId: string) {
  const rows = await db
    .select({ id: members.id, role: matchParticipants.role, timeZone: members.timeZone })
    .from(matchParticipants)
    .innerJoin(members, eq(members.id, matchParticipants.memberId))
    .where(eq(matchParticipants.matchId, matchId));
  const seat = (role: "mentor" | "mentee"): Person => {
    const row = rows.find((r) => r.role === role);
    if (!row) throw new Error(`Match ${matchId} has no ${role}.`);
    return { id: row.id, timeZone: row.timeZone };
  };
  return { mentor: seat("mentor"), mentee: seat("mentee") };
}

async function checkInAnswers(db: Reader, matchId: string) {
  const rows = await db
    .select({ period: checkIns.period, memberId: checkInResponses.memberId })
    .from(checkInResponses)
    .innerJoin(checkIns, eq(checkIns.id, checkInResponses.checkInId))
    .where(eq(checkIns.matchId, matchId));
  const byPeriod = new Map<number, string[]>();
  for (const r of rows) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r.memberId]);
  return [...byPeriod].map(([period, answeredBy]) => ({ period, answeredBy }));
}

/** Settled when both acknowledged the latest version; pending since that version (or the start). */
async function agreementOf(db: Reader, match: ActiveMatch, pair: string[]) {
  const [latest] = await db
    .select({ id: agreementVersions.id, createdAt: agreementVersions.createdAt })
    .from(agreementVersions)
    .where(eq(agreementVersions.matchId, match.id))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  if (!latest) return { settled: false, pendingSince: match.activatedAt };
  const acks = await db
    .select({ memberId: agreementAcknowledgements.memberId })
    .from(agreementAcknowledgements)
    .where(
      and(
        eq(agreementAcknowledgements.versionId, latest.id),
        inArray(agreementAcknowledgements.memberId, pair),
      ),
    );
  const settled = acks.length === pair.length;
  return { settled, pendingSince: settled ? null : latest.createdAt };
}

async function meetingTimes(db: Reader, matchId: string, now: Date) {
  const [held] = await db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.matchId, matchId), eq(meetings.status, "held")))
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  const [next] = await db
    .select({ startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.matchId, matchId),
        eq(meetings.status, "scheduled"),
        gt(meetings.startsAt, now),
      ),
    )
    .orderBy(meetings.startsAt)
    .limit(1);
  return { lastHeldMeetingAt: held?.startsAt ?? null, nextMeetingAt: next?.startsAt ?? null };
}

/**
 * One active match as the reminder engine sees it, read on `now`. Goal reviews fall
 * `reviewEveryDays` after the last review (or the goal's creation) on the mentee's calendar.
 */
export async function readMatchSnapshot(
  db: Reader,
  match: ActiveMatch,
  now: Date,
): Promise<MatchSnapshot> {
  const { rules } = match.program;
  const { mentor, mentee } = await pairOf(db, match.id);
  const goalRows = await db
    .select({ id: goals.id, createdAt: goals.createdAt, lastReviewedAt: goals.lastReviewedAt })
    .from(goals)
    .where(and(eq(goals.matchId, match.id), eq(goals.status, "active")));
  const commitmentRows = await db
    .select({
      id: commitments.id,
      ownerId: commitments.ownerId,
      dueOn: commitments.dueOn,
      doneAt: commitments.doneAt,
    })
    .from(commitments)
    .where(eq(commitments.matchId, match.id));
  const contacts = await db
    .select({ on: supportContacts.contactedOn })
    .from(supportContacts)
    .where(eq(supportContacts.matchId, match.id));
  const began = dayIn(match.activatedAt, mentee.timeZone);
  return {
    id: match.id,
    activatedAt: match.activatedAt,
    mentor,
    mentee,
    ...(await meetingTimes(db, match.id, now)),
    checkInAnswers: await checkInAnswers(db, match.id),
    agreement: await agreementOf(db, match, [mentor.id, mentee.id]),
    goals: goalRows.map((g) => ({
      id: g.id,
      nextReviewOn: addDays(
        dayIn(g.lastReviewedAt ?? g.createdAt, mentee.timeZone),
        rules.goals.reviewEveryDays,
      ),
    })),
    commitments: commitmentRows.map((c) => ({
      id: c.id,
      ownerId: c.ownerId,
      dueOn: c.dueOn,
      done: c.doneAt !== null,
    })),
    contactDueOn: nextContactDue(
      began,
      rules.coordinatorContact,
      contacts.map((c) => c.on),
    ),
    ...(await matchFacts(db, match.id)),
  };
}
