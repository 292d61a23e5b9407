import { type PreparedProfile, prepareProfile } from "./prepare";
import { compileRules } from "./rules";
import { explainPair, rate, scoreReasons } from "./score";
import type { BlockedPairs, MatchingRules, MatchProfile, Reason } from "./types";
import { pairKey } from "./types";

export interface SuggestOptions {
  /** How many to return; 10 unless given. */
  limit?: number;
  blocked?: BlockedPairs;
  /** Open places of candidate mentors by member id; a mentor at 0 is marked `atCapacity`. */
  capacity?: ReadonlyMap<string, number>;
  /** Also return the excluded candidates, each with the reasons they are excluded. */
  includeExcluded?: boolean;
}

export interface Suggestion {
  memberId: string;
  displayName: string;
  score: number;
  reasons: Reason[];
  /** A mentor with no open place: still shown, as a coordinator may make room. */
  atCapacity: boolean;
}

export interface Suggestions {
  suggestions: Suggestion[];
  /** Filled only when `includeExcluded` is set; sorted by member id. */
  excluded: { memberId: string; displayName: string; reasons: Reason[] }[];
}

/**
 * The best candidates for one person, best first (ties by member id): mentors for a mentee
 * (`role` "mentee") or mentees for a mentor (`role` "mentor"). Every candidate is scored, but
 * only the ones returned are explained.
 */
export function suggest(
  person: MatchProfile,
  role: "mentor" | "mentee",
  candidates: readonly MatchProfile[],
  rules: MatchingRules,
  now: Date,
  options: SuggestOptions = {},
): Suggestions {
  const compiled = compileRules(rules);
  const self = prepareProfile(person, now);
  const pairOf = (other: PreparedProfile) =>
    role === "mentee" ? ([other, self] as const) : ([self, other] as const);
  const keyOf = (other: MatchProfile) =>
    role === "mentee"
      ? pairKey(other.memberId, person.memberId)
      : pairKey(person.memberId, other.memberId);

  const ranked: { other: PreparedProfile; score: number }[] = [];
  const left: { other: PreparedProfile; blocked: string | undefined }[] = [];
  for (const candidate of candidates) {
    const other = prepareProfile(candidate, now);
    const blocked = options.blocked?.get(keyOf(candidate));
    const score = rate(...pairOf(other), compiled);
    if (score >= 0 && blocked === undefined) ranked.push({ other, score });
    else if (options.includeExcluded) left.push({ other, blocked });
  }
  ranked.sort((a, b) => b.score - a.score || byId(a.other, b.other));

  const suggestions = ranked.slice(0, options.limit ?? 10).map(({ other, score }) => ({
    memberId: other.profile.memberId,
    displayName: other.profile.displayName,
    score,
    reasons: scoreReasons(...pairOf(other), compiled),
    atCapacity: role === "mentee" && options.capacity?.get(other.profile.memberId) === 0,
  }));
  const excludedOnes = left.sort(byOther).map(({ other, blocked }) => {
    const result = explainPair(...pairOf(other), compiled);
    const reasons = result.excluded ? result.reasons : [];
    if (blocked !== undefined) reasons.push({ criterion: "constraint", points: 0, text: blocked });
    return { memberId: other.profile.memberId, displayName: other.profile.displayName, reasons };
  });
  return { suggestions, excluded: excludedOnes };
}

const byId = (a: PreparedProfile, b: PreparedProfile) =>
  a.profile.memberId < b.profile.memberId ? -1 : a.profile.memberId > b.profile.memberId ? 1 : 0;
const byOther = (a: { other: PreparedProfile }, b: { other: PreparedProfile }) =>
  byId(a.other, b.other);
