import type { PreparedProfile } from "./prepare";
import { seniorityValue } from "./reading/seniority";
import { slotCount } from "./reading/slots";
import { sharedWakingMinutes, wakingMinutes } from "./reading/time-zones";
import type { CriterionField, MatchingRules } from "./types";

/**
 * How well a mentor and a mentee agree on one criterion, from 0 to 1; null when either side
 * lacks the data (the score then counts the criterion as a neutral 0.5, and a must excludes).
 * These run for every pair of a cohort, so they work on prepared profiles and allocate nothing.
 */
export type CriterionValue = (
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  rules: MatchingRules,
) => number | null;

type Pool = Map<string, string> | Set<string>;

function countIn(keys: Iterable<string>, pool: Pool, orPool?: Pool): number {
  let n = 0;
  for (const key of keys) if (pool.has(key) || orPool?.has(key)) n++;
  return n;
}

/** Share of the mentee's interests the mentor has as an interest or a skill. */
const interests: CriterionValue = (mentor, mentee) => {
  if (mentee.interests.size === 0 || mentor.tags.size === 0) return null;
  return countIn(mentee.interests.keys(), mentor.tags) / mentee.interests.size;
};

/** Share of the mentor's skills the mentee wants: in their interests, skills or goals. */
const skills: CriterionValue = (mentor, mentee) => {
  if (mentor.skills.size === 0) return null;
  if (mentee.tags.size === 0 && mentee.goalPhrases.size === 0) return null;
  return countIn(mentor.skills.keys(), mentee.tags, mentee.goalPhrases) / mentor.skills.size;
};

/** Same department is good, unless the program pairs across departments. */
const department: CriterionValue = (mentor, mentee, rules) => {
  if (mentor.department === null || mentee.department === null) return null;
  const same = mentor.department === mentee.department;
  return same === (rules.hardConstraints.sameDepartment !== "not_allowed") ? 1 : 0;
};

const seniority: CriterionValue = (mentor, mentee) => {
  if (mentor.seniority === null || mentee.seniority === null) return null;
  return seniorityValue(mentor.seniority, mentee.seniority);
};

const languages: CriterionValue = (mentor, mentee) => {
  if (mentor.languages.size === 0 || mentee.languages.size === 0) return null;
  return countIn(mentee.languages.keys(), mentor.languages) > 0 ? 1 : 0;
};

export function sharedWaking(a: PreparedProfile, b: PreparedProfile): number | null {
  if (a.utcOffset === null || b.utcOffset === null) return null;
  return sharedWakingMinutes(a.utcOffset, b.utcOffset);
}

const timeZone: CriterionValue = (mentor, mentee) => {
  const shared = sharedWaking(mentor, mentee);
  return shared === null ? null : shared / wakingMinutes;
};

/** Shared slots over the smaller availability: someone free only Tuesday evenings and
 * someone free every evening agree fully. */
const availability: CriterionValue = (mentor, mentee) => {
  if (mentor.slots === null || mentee.slots === null) return null;
  const fewer = Math.min(slotCount(mentor.slots), slotCount(mentee.slots));
  return slotCount(mentor.slots & mentee.slots) / fewer;
};

export const criterionValues: Record<CriterionField, CriterionValue> = {
  interests,
  skills,
  department,
  seniority,
  languages,
  time_zone: timeZone,
  availability,
};
