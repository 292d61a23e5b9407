/**
 * Matching: scores a mentor–mentee pair with reasons, excludes pairs the rules forbid, assigns
 * a whole cohort (exactly optimal, by total or balanced objective), suggests people one at a
 * time, and pairs by requests with stable deferred acceptance. Pure: the clock is passed in.
 * docs/matching.md explains how it works, for coordinators and contributors.
 */
export { type AssignOptions, assign, greedyAssign } from "./assign";
export type { Cohort, MatchedPair } from "./cohort";
export type { Assignment, Unmatched } from "./outcome";
export { parseAvailability } from "./reading/availability";
export { seniorityStep } from "./reading/seniority";
export { describeSlots } from "./reading/slots";
export { sharedWakingMinutes, utcOffsetMinutes } from "./reading/time-zones";
export { scorePair } from "./score";
export { type StableOptions, stableAssign } from "./stable";
export { type Suggestion, type Suggestions, type SuggestOptions, suggest } from "./suggest";
export {
  type BlockedPairs,
  type CriterionField,
  MatchingError,
  type MatchingRules,
  type MatchProfile,
  type PairScore,
  pairKey,
  type Reason,
} from "./types";
