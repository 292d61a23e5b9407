import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { UnmatchedPerson } from "../../../../shared/src/contracts/matches";
import { type Assignment, assign, MatchingError } from "../../../../shared/src/domain/matching";
import type { Cohort } from "../matches";
import type { Program } from "../programs";

const refuse = (message: string) => new AppError("conflict", message);

/**
 * Why a run cannot be made now, in a coordinator's words: nobody to match on one side, or no
 * place left on the other.
 */
export function assertSomeoneToMatch(cohort: Cohort): void {
  const approvedMentors = [...cohort.profiles.values()].filter((p) => p.role === "mentor");
  if (approvedMentors.length === 0) throw refuse("This program has no approved mentors yet.");
  if (cohort.mentors.length === 0) {
    throw refuse(
      "None of the program's mentors can be matched yet: their required training is not done.",
    );
  }
  if (cohort.mentees.length === 0) {
    const waiting = cohort.waiting.length;
    throw refuse(
      waiting > 0
        ? `No mentee can be matched now: ${waiting} must wait after their last match ended.`
        : "No mentee is waiting for a mentor: every approved, trained mentee is matched or has a request open.",
    );
  }
  if (cohort.mentors.every((m) => m.capacity === 0)) {
    throw refuse("Every mentor is at capacity; no place is open for another mentee.");
  }
}

/**
 * The domain's assignment over the program's cohort: its forbids and earlier relationships
 * kept apart, its pins fixed first. Pins on people who cannot be matched now (already matched,
 * or not trained yet) are left out of this run rather than failing it.
 */
export function assignCohort(
  program: Program,
  cohort: Cohort,
  objective: "total" | "balanced",
  now: Date,
): Assignment {
  const mentees = new Set(cohort.mentees.map((m) => m.memberId));
  const mentors = new Set(cohort.mentors.map((m) => m.profile.memberId));
  try {
    return assign(
      {
        mentors: cohort.mentors.map((m) => ({ profile: m.profile, capacity: m.capacity })),
        mentees: cohort.mentees,
        rules: program.rules.matching,
        now,
        blocked: cohort.blocked,
        pinned: cohort.pins
          .filter((p) => mentors.has(p.mentorId) && mentees.has(p.menteeId))
          .map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId })),
      },
      { objective },
    );
  } catch (err) {
    if (err instanceof MatchingError) throw refuse(err.message);
    throw err;
  }
}

/** Everyone the run leaves out, with why: the assignment's own, then those it could not see. */
export function unmatchedOf(cohort: Cohort, assignment: Assignment): UnmatchedPerson[] {
  const name = (id: string) => cohort.profiles.get(id)?.displayName ?? "";
  return [
    ...assignment.unmatched.map((u) => ({
      memberId: u.memberId,
      displayName: name(u.memberId),
      role: u.role,
      reason: u.reason,
    })),
    ...cohort.waiting.map((w) => ({
      memberId: w.profile.memberId,
      displayName: w.profile.displayName,
      role: "mentee" as const,
      reason: `Last match ended recently; can be matched again from ${w.until.toISOString().slice(0, 10)}`,
    })),
    ...cohort.notEligible.map((p) => ({
      memberId: p.memberId,
      displayName: p.displayName,
      role: p.role,
      reason: p.reason,
    })),
  ];
}
