import { constraintCode, excluded, exclusionReasons } from "./exclusions";
import { describeCriterion } from "./explain";
import { type PreparedProfile, prepareProfile } from "./prepare";
import { type CompiledRules, compileRules } from "./rules";
import type { MatchingRules, MatchProfile, PairScore, Reason } from "./types";

/**
 * A pair's score, or a negative exclusion code (see `excluded`). This is the inner loop of
 * cohort matching, run for every mentor × mentee: no strings, no allocation.
 *
 * Each criterion gives a value from 0 to 1 (unknown counts as 0.5); the score is
 * round(100 × Σ weight × value / Σ weight), 50 when the program weighs nothing.
 */
export function rate(
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  rules: CompiledRules,
): number {
  const code = constraintCode(mentor, mentee, rules);
  if (code) return code;
  let sum = 0;
  for (const c of rules.criteria) {
    const value = c.value(mentor, mentee, rules.rules);
    if (value === null) {
      if (c.must) return excluded.mustUnknown - c.index;
      sum += 0.5 * c.weight;
    } else {
      if (c.must && value === 0) return excluded.mustFailed - c.index;
      sum += value * c.weight;
    }
  }
  return rules.totalWeight === 0 ? 50 : Math.round((100 * sum) / rules.totalWeight);
}

/** The reasons behind a score: one per criterion, in the program's order, with its points. */
export function scoreReasons(
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  rules: CompiledRules,
): Reason[] {
  return rules.criteria.map((c) => {
    const value = c.value(mentor, mentee, rules.rules);
    const text = describeCriterion[c.field](mentor, mentee, value, rules.rules);
    // `|| 0`: a criterion at exactly neutral rounds to -0, which reads oddly in JSON diffs.
    const points = Math.round((100 * c.weight * ((value ?? 0.5) - 0.5)) / rules.totalWeight) || 0;
    return { criterion: c.field, points, text: value === null ? `${text}: neutral` : text };
  });
}

/** `scorePair` on prepared profiles and compiled rules, for callers that score many pairs. */
export function explainPair(
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  rules: CompiledRules,
): PairScore {
  const score = rate(mentor, mentee, rules);
  if (score < 0) return { excluded: true, reasons: exclusionReasons(mentor, mentee, rules) };
  return { excluded: false, score, reasons: scoreReasons(mentor, mentee, rules) };
}

/** How well `mentor` suits `mentee` under the program's rules, with the reasons why. */
export function scorePair(
  mentor: MatchProfile,
  mentee: MatchProfile,
  rules: MatchingRules,
  now: Date,
): PairScore {
  return explainPair(prepareProfile(mentor, now), prepareProfile(mentee, now), compileRules(rules));
}
