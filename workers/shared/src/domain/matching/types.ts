import type { criterionFields, ProgramRules } from "../program-rules";

/** What matching knows about one member: their profile, as mentor or as mentee. */
export interface MatchProfile {
  memberId: string;
  /** For explanations. */
  displayName: string;
  interests: string[];
  skills: string[];
  department: string | null;
  /** Free text: "Senior engineer", "Year 3", "5 years". */
  seniority: string | null;
  languages: string[];
  /** IANA zone, "UTC" when the member never set one. */
  timeZone: string;
  /** Free text: "Tue and Thu evenings, weekend mornings". */
  availability: string | null;
  /** Free text the mentee wrote about goals (application answers), searched for the mentor's skills. */
  goals: string;
  /** Member id of their manager, if known. */
  reportsTo: string | null;
}

export type MatchingRules = Pick<ProgramRules["matching"], "criteria" | "hardConstraints">;
export type CriterionField = (typeof criterionFields)[number];

/**
 * One line of a pair's explanation. `points` is how far this criterion moved the score away
 * from the neutral 50, so a pair's points add up to its score minus 50 (give or take rounding).
 * Exclusions carry 0 points.
 */
export interface Reason {
  criterion: CriterionField | "constraint";
  points: number;
  text: string;
}

export type PairScore =
  | { excluded: false /** Integer 0..100. */; score: number; reasons: Reason[] }
  | { excluded: true /** The exclusion(s), in a coordinator's words. */; reasons: Reason[] };

/** `${mentorId}|${menteeId}` → why the pair may not be proposed (a forbid, an earlier match). */
export type BlockedPairs = ReadonlyMap<string, string>;

export const pairKey = (mentorId: string, menteeId: string) => `${mentorId}|${menteeId}`;

/** A request matching cannot honour as given, such as a pin on an excluded pair: a 4xx. */
export class MatchingError extends Error {
  override name = "MatchingError";
}
