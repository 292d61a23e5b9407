import {
  type BlockedPairs,
  type MatchedPair,
  type MatchingRules,
  type MatchProfile,
  pairKey,
  scorePair,
} from "../../../../shared/src/domain/matching";

export interface StableInput {
  mentors: { profile: MatchProfile; capacity: number }[];
  mentees: MatchProfile[];
  /** Each mentee's chosen mentors, most wanted first. */
  preferences: ReadonlyMap<string, readonly string[]>;
  rules: MatchingRules;
  now: Date;
  blocked: BlockedPairs;
}

export interface StableOutcome {
  pairs: MatchedPair[];
  /** Mentees nobody they chose kept, and why. */
  unmatched: { memberId: string; reason: string }[];
}

/**
 * Mentee-proposing deferred acceptance with capacities: each mentee asks their choices in
 * order; a mentor holds the best-scoring mentees up to their open places and lets the others
 * go on to their next choice. The result is stable: no mentee and mentor would both rather
 * have each other than what they got. Mentees go first by member id, so ties fall the same way.
 */
export function deferredAcceptance(input: StableInput): StableOutcome {
  const mentors = new Map(input.mentors.map((m) => [m.profile.memberId, m]));
  const scored = new Map<string, MatchedPair>();
  const held = new Map<string, MatchedPair[]>();
  const next = new Map<string, number>();
  const unmatched: StableOutcome["unmatched"] = [];
  const queue = [...input.mentees].sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
  const byId = new Map(queue.map((m) => [m.memberId, m]));
  // Lower first: the mentor lets go of the last of this order.
  const worse = (a: MatchedPair, b: MatchedPair) =>
    a.score - b.score || (a.menteeId > b.menteeId ? -1 : a.menteeId < b.menteeId ? 1 : 0);
  while (queue.length > 0) {
    const mentee = queue.shift()!;
    const choices = input.preferences.get(mentee.memberId) ?? [];
    const i = next.get(mentee.memberId) ?? 0;
    if (i >= choices.length) {
      unmatched.push({
        memberId: mentee.memberId,
        reason: "None of their chosen mentors kept them",
      });
      continue;
    }
    next.set(mentee.memberId, i + 1);
    const mentor = mentors.get(choices[i]!);
    const key = pairKey(choices[i]!, mentee.memberId);
    if (!mentor || mentor.capacity === 0 || input.blocked.has(key)) {
      queue.unshift(mentee);
      continue;
    }
    const pair = scored.get(key) ?? scoreOf(mentor.profile, mentee, input);
    if (!pair) {
      queue.unshift(mentee);
      continue;
    }
    scored.set(key, pair);
    const list = [...(held.get(mentor.profile.memberId) ?? []), pair].sort(worse);
    if (list.length > mentor.capacity) {
      const dropped = list.shift()!;
      queue.unshift(byId.get(dropped.menteeId)!);
    }
    held.set(mentor.profile.memberId, list);
  }
  const pairs = [...held.values()]
    .flat()
    .sort((a, b) =>
      a.mentorId !== b.mentorId
        ? a.mentorId < b.mentorId
          ? -1
          : 1
        : a.menteeId < b.menteeId
          ? -1
          : 1,
    );
  return { pairs, unmatched };
}

function scoreOf(mentor: MatchProfile, mentee: MatchProfile, input: StableInput) {
  const scored = scorePair(mentor, mentee, input.rules, input.now);
  if (scored.excluded) return null;
  return {
    mentorId: mentor.memberId,
    menteeId: mentee.memberId,
    score: scored.score,
    reasons: scored.reasons,
  };
}
