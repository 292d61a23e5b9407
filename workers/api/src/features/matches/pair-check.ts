import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchReason } from "../../../../shared/src/contracts/matches";
import { pairKey, scorePair } from "../../../../shared/src/domain/matching";
import type { Program } from "../programs";
import type { Cohort } from "./cohort";

export interface ScoredPair {
  mentorId: string;
  menteeId: string;
  score: number;
  reasons: MatchReason[];
}

const refuse = (message: string) => new AppError("conflict", message);

/**
 * Whether these two could be matched in this program now, and their score with its reasons;
 * otherwise the reason, in a coordinator's words, as a 409. `free` asks also that the mentor
 * has an open place and the mentee no match yet (pins and swaps in a run do not need it).
 */
export function checkPair(
  program: Program,
  cohort: Cohort,
  pair: { mentorId: string; menteeId: string },
  now: Date,
  { free = true }: { free?: boolean } = {},
): ScoredPair {
  const mentor = cohort.profiles.get(pair.mentorId);
  const mentee = cohort.profiles.get(pair.menteeId);
  if (mentor?.role !== "mentor") {
    throw refuse("That person is not an approved, active mentor in this program.");
  }
  if (mentee?.role !== "mentee") {
    throw refuse("That person is not an approved, active mentee in this program.");
  }
  const notEligible = cohort.notEligible.find(
    (p) => p.memberId === mentor.memberId || p.memberId === mentee.memberId,
  );
  if (notEligible) {
    throw refuse(`${notEligible.displayName} cannot be matched yet: ${lower(notEligible.reason)}.`);
  }
  const blocked = cohort.blocked.get(pairKey(mentor.memberId, mentee.memberId));
  if (blocked) throw refuse(`${mentor.displayName} and ${mentee.displayName}: ${lower(blocked)}.`);
  const scored = scorePair(mentor, mentee, program.rules.matching, now);
  if (scored.excluded) {
    const why = scored.reasons.map((r) => r.text).join("; ");
    throw refuse(`${mentor.displayName} and ${mentee.displayName} cannot be matched: ${why}.`);
  }
  if (free) {
    if (cohort.taken.has(mentee.memberId)) {
      throw refuse(`${mentee.displayName} already has an active match or a request waiting.`);
    }
    const waiting = cohort.waiting.find((w) => w.profile.memberId === mentee.memberId);
    if (waiting) {
      const until = waiting.until.toISOString().slice(0, 10);
      throw refuse(
        `${mentee.displayName}'s last match ended recently; they can be matched again from ${until}.`,
      );
    }
    const seat = cohort.mentors.find((m) => m.profile.memberId === mentor.memberId);
    if (!seat || seat.capacity === 0) {
      const most = program.rules.matching.mentorCapacity;
      throw refuse(`${mentor.displayName} has no open place left (at most ${most} mentees).`);
    }
  }
  return { ...pair, score: scored.score, reasons: scored.reasons };
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Matching must be on for the program before anything is matched. */
export function assertMatchingOn(program: Program): void {
  if (!program.rules.matching.enabled) {
    throw refuse("Matching is turned off in this program's rules; turn it on to match people.");
  }
  if (program.status === "draft" || program.status === "closed") {
    throw refuse(
      `This program is ${program.status}; people are matched while it is open or running.`,
    );
  }
}
