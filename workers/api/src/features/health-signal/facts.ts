import { type AnyColumn, and, desc, eq, inArray, isNotNull, ne, type SQL } from "drizzle-orm";
import {
  agreementAcknowledgements,
  agreementVersions,
  checkInResponses,
  checkIns,
  commitments,
  concerns,
  matches,
  matchParticipants,
  meetings,
  members,
  supportContacts,
} from "../../../../../db/tenant/schema";
import type { HealthFacts } from "../../../../shared/src/domain/stewardship";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { programsById } from "../../../../shared/src/reminders-sweep";

// Only the database schema, shared domain and platform types here: the scheduler's sweep
// reads the same facts through this file, without the API around it.

type Reader = Pick<TenantDb, "select">;

/** An active match with the facts its health is computed from. */
export interface MatchFacts {
  matchId: string;
  programId: string;
  mentorId: string;
  menteeId: string;
  facts: HealthFacts;
}

/** Which active matches to read: one, a program's, or every one. */
export type MatchScope =
  | { matchId: string }
  | { matchIds: readonly string[] }
  | { programId: string }
  | "all";

function scopeWhere(scope: MatchScope): SQL | undefined {
  if (scope === "all") return undefined;
  if ("matchIds" in scope) return inArray(matches.id, [...scope.matchIds]);
  return "matchId" in scope
    ? eq(matches.id, scope.matchId)
    : eq(matches.programId, scope.programId);
}

/**
 * The health facts of the active matches in `scope`: one query per kind of record, whatever
 * the number of matches, grouped by match here.
 */
export async function readHealthFacts(db: Reader, scope: MatchScope): Promise<MatchFacts[]> {
  const rows = await db
    .select({
      matchId: matches.id,
      programId: matches.programId,
      activatedAt: matches.activatedAt,
    })
    .from(matches)
    .where(and(eq(matches.status, "active"), isNotNull(matches.activatedAt), scopeWhere(scope)));
  if (rows.length === 0) return [];
  // Each program read once: its rules are parsed once, not once per pair.
  const programsOf = await programsById(
    db,
    rows.map((m) => m.programId),
  );
  const active = rows.flatMap((m) => {
    const program = programsOf.get(m.programId);
    return program ? [{ ...m, rules: program.rules }] : [];
  });
  const ids = active.map((m) => m.matchId);
  const inMatches = (column: AnyColumn) => inArray(column, ids);

  const people = await db
    .select({
      matchId: matchParticipants.matchId,
      memberId: matchParticipants.memberId,
      role: matchParticipants.role,
      timeZone: members.timeZone,
    })
    .from(matchParticipants)
    .innerJoin(members, eq(members.id, matchParticipants.memberId))
    .where(inMatches(matchParticipants.matchId));
  const meetingRows = await db
    .select({
      matchId: meetings.matchId,
      status: meetings.status,
      startsAt: meetings.startsAt,
      heldMinutes: meetings.heldMinutes,
    })
    .from(meetings)
    .where(inMatches(meetings.matchId));
  const responses = await db
    .select({
      matchId: checkIns.matchId,
      period: checkIns.period,
      answers: checkInResponses.answers,
    })
    .from(checkInResponses)
    .innerJoin(checkIns, eq(checkIns.id, checkInResponses.checkInId))
    .where(inMatches(checkIns.matchId));
  const commitmentRows = await db
    .select({ matchId: commitments.matchId, dueOn: commitments.dueOn, doneAt: commitments.doneAt })
    .from(commitments)
    .where(inMatches(commitments.matchId));
  const versions = await db
    .select({ id: agreementVersions.id, matchId: agreementVersions.matchId })
    .from(agreementVersions)
    .where(inMatches(agreementVersions.matchId))
    .orderBy(desc(agreementVersions.version));
  const latestVersion = new Map<string, string>();
  for (const v of versions) if (!latestVersion.has(v.matchId)) latestVersion.set(v.matchId, v.id);
  const acks = latestVersion.size
    ? await db
        .select()
        .from(agreementAcknowledgements)
        .where(inArray(agreementAcknowledgements.versionId, [...latestVersion.values()]))
    : [];
  const concernRows = await db
    .select({ matchId: concerns.matchId, urgency: concerns.urgency })
    .from(concerns)
    .where(and(inMatches(concerns.matchId), ne(concerns.status, "resolved")));
  const contactRows = await db
    .select({ matchId: supportContacts.matchId, contactedOn: supportContacts.contactedOn })
    .from(supportContacts)
    .where(inMatches(supportContacts.matchId));

  // Each kind of record grouped by match once, rather than searched once per match.
  const grouped = <T extends { matchId: string }>(list: readonly T[]) => {
    const byMatch = new Map<string, T[]>();
    for (const row of list) {
      const rows = byMatch.get(row.matchId);
      if (rows) rows.push(row);
      else byMatch.set(row.matchId, [row]);
    }
    return (matchId: string): T[] => byMatch.get(matchId) ?? [];
  };
  const peopleOf = grouped(people);
  const meetingsOf = grouped(meetingRows);
  const responsesOf = grouped(responses);
  const commitmentsOf = grouped(commitmentRows);
  const concernsOf = grouped(concernRows);
  const contactsOf = grouped(contactRows);

  return active.map((m) => {
    const pair = peopleOf(m.matchId);
    const mentor = pair.find((p) => p.role === "mentor");
    const mentee = pair.find((p) => p.role === "mentee");
    const version = latestVersion.get(m.matchId);
    const acknowledged = new Set(
      acks.filter((a) => a.versionId === version).map((a) => a.memberId),
    );
    const ratingIds = new Set(
      m.rules.checkIns.questions.filter((q) => q.kind === "rating").map((q) => q.id),
    );
    const periods = new Map<number, number[]>();
    for (const r of responsesOf(m.matchId)) {
      const ratings = Object.entries(r.answers)
        .filter(([id, value]) => ratingIds.has(id) && typeof value === "number")
        .map(([, value]) => value as number);
      periods.set(r.period, [...(periods.get(r.period) ?? []), ...ratings]);
    }
    return {
      matchId: m.matchId,
      programId: m.programId,
      mentorId: mentor?.memberId ?? "",
      menteeId: mentee?.memberId ?? "",
      facts: {
        activatedAt: m.activatedAt!,
        timeZone: mentee?.timeZone ?? "UTC",
        rules: m.rules,
        meetings: meetingsOf(m.matchId),
        checkInRatings: [...periods].map(([period, ratings]) => ({ period, ratings })),
        commitments: commitmentsOf(m.matchId).map((c) => ({
          dueOn: c.dueOn,
          done: c.doneAt !== null,
        })),
        agreementSettled:
          mentor !== undefined &&
          mentee !== undefined &&
          acknowledged.has(mentor.memberId) &&
          acknowledged.has(mentee.memberId),
        openConcerns: concernsOf(m.matchId),
        contacts: contactsOf(m.matchId).map((c) => c.contactedOn),
      },
    };
  });
}
