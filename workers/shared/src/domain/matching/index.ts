/**
 * Matching: scores a mentor–mentee pair with reasons, excludes pairs the rules forbid, assigns
 * a whole cohort (exactly optimal, by total or balanced objective), suggests people one at a
 * time, and pairs by requests with stable deferred acceptance. Pure: the clock is passed in.
 * docs/matching.md explains how it works, for coordinators and contributors.
 */
export { type AssignOptions, assign, greedyAssign } from "./assign";
export { parseAvailability } from "./availability";
export type { Cohort, MatchedPair } from "./cohort";
export type { Assignment, Unmatched } from "./outcome";
export { scorePair } from "./score";
export { seniorityStep } from "./seniority";
export { describeSlots } from "./slots";
export { type StableOptions, stableAssign } from "./stable";
export { type Suggestion, type Suggestions, type SuggestOptions, suggest } from "./suggest";
export { sharedWakingMinutes, utcOffsetMinutes } from "./time-zones";
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
