/**
 * Matching: scores a mentor–mentee pair with reasons, excludes pairs the rules forbid, assigns
 * a whole cohort (exactly optimal, by total or balanced objective), suggests people one at a
 * time, and pairs by requests with stable deferred acceptance. Pure: the clock is passed in.
 * docs/matching.md explains the maths for coordinators and contributors.
 */
export { type AssignOptions, assign, greedyAssign } from "./assign";
export type { Cohort, MatchedPair } from "./cohort";
export type { Assignment, Unmatched } from "./outcome";
export { scorePair } from "./score";
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
