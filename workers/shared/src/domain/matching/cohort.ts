import { excluded } from "./exclusions";
import { type PreparedProfile, prepareProfile } from "./prepare";
import { type CompiledRules, compileRules } from "./rules";
import { explainPair, rate } from "./score";
import {
  type BlockedPairs,
  MatchingError,
  type MatchingRules,
  type MatchProfile,
  type Reason,
} from "./types";

/** Who is being matched in one round: mentors with their open places, mentees, the rules. */
export interface Cohort {
  mentors: { profile: MatchProfile /** Open places now. */; capacity: number }[];
  mentees: MatchProfile[];
  rules: MatchingRules;
  now: Date;
  /** Pairs that may not be proposed (a forbid, an existing or recent relationship). */
  blocked?: BlockedPairs;
  /** Pairs a coordinator fixed: kept as they are, taking a place of their mentor. */
  pinned?: { mentorId: string; menteeId: string }[];
}

export interface MatchedPair {
  mentorId: string;
  menteeId: string;
  score: number;
  reasons: Reason[];
}

/**
 * A cohort read for optimisation: people sorted by member id (so every tie is broken the same
 * way on every run), pinned pairs taken out, and a score or exclusion code per pair in one flat
 * array, `scores[mentee * mentors.length + mentor]`.
 */
export interface ScoredCohort {
  rules: CompiledRules;
  blocked: BlockedPairs;
  mentors: PreparedProfile[];
  /** Mentees still to match: the pinned ones are in `pins`. */
  mentees: PreparedProfile[];
  /** Open places of each mentor once the pins are placed. */
  capacity: Int32Array;
  scores: Int8Array;
  pins: MatchedPair[];
}

const byId = (a: { memberId: string }, b: { memberId: string }) =>
  a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;

function indexOf(people: PreparedProfile[], role: string): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((p, i) => {
    if (index.has(p.profile.memberId)) {
      throw new MatchingError(`${p.profile.displayName} is listed twice among the ${role}s.`);
    }
    index.set(p.profile.memberId, i);
  });
  return index;
}

export function scoreCohort(cohort: Cohort): ScoredCohort {
  const rules = compileRules(cohort.rules);
  const blocked = cohort.blocked ?? new Map<string, string>();
  const mentorList = [...cohort.mentors].sort((a, b) => byId(a.profile, b.profile));
  const mentors = mentorList.map((m) => prepareProfile(m.profile, cohort.now));
  const everyMentee = [...cohort.mentees].sort(byId).map((p) => prepareProfile(p, cohort.now));
  const mentorIndex = indexOf(mentors, "mentor");
  const menteeIndex = indexOf(everyMentee, "mentee");
  const capacity = Int32Array.from(mentorList, (m) => {
    if (!Number.isInteger(m.capacity) || m.capacity < 0) {
      throw new MatchingError(`${m.profile.displayName}'s open places must be a whole number.`);
    }
    return m.capacity;
  });

  const pins: MatchedPair[] = [];
  const pinned = new Set<string>();
  for (const { mentorId, menteeId } of cohort.pinned ?? []) {
    const j = mentorIndex.get(mentorId);
    const i = menteeIndex.get(menteeId);
    if (j === undefined)
      throw new MatchingError(`The pinned mentor ${mentorId} is not in this round.`);
    if (i === undefined)
      throw new MatchingError(`The pinned mentee ${menteeId} is not in this round.`);
    const mentor = mentors[j]!;
    const mentee = everyMentee[i]!;
    const pair = `${mentor.profile.displayName} and ${mentee.profile.displayName}`;
    if (pinned.has(menteeId)) {
      throw new MatchingError(`${mentee.profile.displayName} is pinned to more than one mentor.`);
    }
    const result = explainPair(mentor, mentee, rules);
    if (result.excluded) {
      const why = result.reasons.map((r) => r.text).join("; ");
      throw new MatchingError(`Cannot pin ${pair}: ${why}.`);
    }
    const block = blocked.get(`${mentorId}|${menteeId}`);
    if (block !== undefined) throw new MatchingError(`Cannot pin ${pair}: ${block}.`);
    if (capacity[j]! <= 0) {
      throw new MatchingError(
        `Cannot pin ${pair}: ${mentor.profile.displayName} has no open place left.`,
      );
    }
    capacity[j]!--;
    pinned.add(menteeId);
    pins.push({ mentorId, menteeId, score: result.score, reasons: result.reasons });
  }

  const mentees = everyMentee.filter((p) => !pinned.has(p.profile.memberId));
  const m = mentors.length;
  const scores = new Int8Array(mentees.length * m);
  mentees.forEach((mentee, i) => {
    for (let j = 0; j < m; j++) scores[i * m + j] = rate(mentors[j]!, mentee, rules);
  });
  const freeIndex = new Map(mentees.map((p, i) => [p.profile.memberId, i]));
  for (const key of blocked.keys()) {
    const bar = key.indexOf("|");
    const j = mentorIndex.get(key.slice(0, bar));
    const i = freeIndex.get(key.slice(bar + 1));
    // A rule's exclusion is the more telling reason, so it stays when both apply.
    if (i !== undefined && j !== undefined && scores[i * m + j]! >= 0) {
      scores[i * m + j] = excluded.blocked;
    }
  }
  return { rules, blocked, mentors, mentees, capacity, scores, pins };
}
