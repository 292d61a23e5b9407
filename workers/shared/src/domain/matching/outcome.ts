import type { MatchedPair, ScoredCohort } from "./cohort";
import { sharedWaking } from "./criteria";
import { excluded, exclusionSummary } from "./exclusions";
import { plural } from "./reading/text";
import { explainPair } from "./score";
import { pairKey } from "./types";

export interface Unmatched {
  memberId: string;
  role: "mentor" | "mentee";
  reason: string;
}

/** A proposed round of matches, with who is left and why. */
export interface Assignment {
  /** Pinned pairs included; sorted by mentor id, then mentee id. */
  pairs: MatchedPair[];
  unmatched: Unmatched[];
  /** The sum of the pairs' scores. */
  total: number;
  /** The lowest pair score; null when nobody is matched. */
  lowest: number | null;
  /** How it was made: see `assign`, `greedyAssign` and `stableAssign`. */
  objective: "total" | "balanced" | "greedy" | "stable";
}

/** Why nobody was found for mentee `i`, in a coordinator's words. */
export function menteeReason(cohort: ScoredCohort, i: number): string {
  const m = cohort.mentors.length;
  if (m === 0) return "No mentor in this round";
  const tally = new Map<string, number>();
  let awake = false;
  const mentee = cohort.mentees[i]!;
  for (let j = 0; j < m; j++) {
    const code = cohort.scores[i * m + j]!;
    if (code >= 0) return "All compatible mentors are at capacity";
    const mentor = cohort.mentors[j]!;
    if (sharedWaking(mentor, mentee) !== 0) awake = true;
    const why =
      code === excluded.blocked
        ? (cohort.blocked.get(pairKey(mentor.profile.memberId, mentee.profile.memberId)) ?? "")
        : exclusionSummary(code, cohort.rules);
    tally.set(why, (tally.get(why) ?? 0) + 1);
  }
  if (!awake) return "No mentor shares a waking hour";
  let common = "";
  let most = 0;
  for (const [why, count] of tally) {
    if (count > most) [common, most] = [why, count];
  }
  return `No compatible mentor: ${common}`;
}

export function outcome(
  cohort: ScoredCohort,
  mentorOf: Int32Array,
  objective: Assignment["objective"],
  whyUnmatched: (cohort: ScoredCohort, mentee: number) => string = menteeReason,
): Assignment {
  const m = cohort.mentors.length;
  const pairs = [...cohort.pins];
  const load = new Int32Array(m);
  const unmatched: Unmatched[] = [];
  cohort.mentees.forEach((mentee, i) => {
    const j = mentorOf[i]!;
    const memberId = mentee.profile.memberId;
    if (j < 0) {
      unmatched.push({ memberId, role: "mentee", reason: whyUnmatched(cohort, i) });
      return;
    }
    const mentor = cohort.mentors[j]!;
    const explained = explainPair(mentor, mentee, cohort.rules);
    const reasons = explained.reasons;
    pairs.push({
      mentorId: mentor.profile.memberId,
      menteeId: memberId,
      score: cohort.scores[i * m + j]!,
      reasons,
    });
    load[j]!++;
  });
  cohort.mentors.forEach((mentor, j) => {
    const open = cohort.capacity[j]! - load[j]!;
    if (open > 0) {
      const reason = plural(open, "open place");
      unmatched.push({ memberId: mentor.profile.memberId, role: "mentor", reason });
    }
  });
  pairs.sort((a, b) => compare(a.mentorId, b.mentorId) || compare(a.menteeId, b.menteeId));
  const total = pairs.reduce((sum, p) => sum + p.score, 0);
  const lowest = pairs.reduce<number | null>((low, p) => Math.min(low ?? p.score, p.score), null);
  return { pairs, unmatched, total, lowest, objective };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
