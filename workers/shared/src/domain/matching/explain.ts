import { sharedWaking } from "./criteria";
import type { PreparedProfile } from "./prepare";
import { describeSlots } from "./reading/slots";
import { hours, list, plural, shortList } from "./reading/text";
import type { CriterionField, MatchingRules } from "./types";

/**
 * Each criterion's value in a coordinator's words. Only the pairs someone looks at get
 * explained (a proposed match, a suggestion list), so these may take their time.
 */
type Describe = (
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  value: number | null,
  rules: MatchingRules,
) => string;

const name = (p: PreparedProfile) => p.profile.displayName;

/** "Bob listed no languages", "Neither listed languages". */
function whoLacks(
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  lacks: (p: PreparedProfile) => boolean,
  one: (name: string) => string,
  both: string,
): string {
  if (lacks(mentor) && lacks(mentee)) return both;
  return one(name(lacks(mentee) ? mentee : mentor));
}

function found(keys: Map<string, string>, ...pools: { has(key: string): boolean }[]): string[] {
  return [...keys].filter(([key]) => pools.some((p) => p.has(key))).map(([, tag]) => tag);
}

const interests: Describe = (mentor, mentee, value) => {
  if (value === null) {
    return mentee.interests.size === 0
      ? `${name(mentee)} listed no interests`
      : `${name(mentor)} listed no interests or skills`;
  }
  const shared = found(mentee.interests, mentor.tags);
  const of = `${name(mentee)}'s ${plural(mentee.interests.size, "interest")}`;
  const where = `${name(mentor)}'s interests or skills`;
  if (shared.length === 0) return `None of ${of} is among ${where}`;
  const are = shared.length === 1 ? "is" : "are";
  return `${shared.length} of ${of} ${are} among ${where}: ${shortList(shared)}`;
};

const skills: Describe = (mentor, mentee, value) => {
  if (value === null) {
    return mentor.skills.size === 0
      ? `${name(mentor)} listed no skills`
      : `${name(mentee)} gave no interests, skills or goals`;
  }
  const wanted = found(mentor.skills, mentee.tags, mentee.goalPhrases);
  const of = `${name(mentor)}'s ${plural(mentor.skills.size, "skill")}`;
  const what = `what ${name(mentee)} wants to learn`;
  if (wanted.length === 0) return `None of ${of} matches ${what}`;
  const match = wanted.length === 1 ? "matches" : "match";
  return `${wanted.length} of ${of} ${match} ${what}: ${shortList(wanted)}`;
};

const department: Describe = (mentor, mentee, value, rules) => {
  if (value === null) {
    return whoLacks(
      mentor,
      mentee,
      (p) => p.department === null,
      (n) => `${n}'s department is unknown`,
      "Both departments are unknown",
    );
  }
  const [a, b] = [mentor.profile.department, mentee.profile.department];
  if (mentor.department === mentee.department) return `Both in ${a}`;
  const apart =
    rules.hardConstraints.sameDepartment === "not_allowed" ? ", as the program asks" : "";
  return `Different departments (${a} and ${b})${apart}`;
};

const seniority: Describe = (mentor, mentee, value) => {
  if (value === null) {
    const unknown = [mentee, mentor].filter((p) => p.seniority === null);
    const unreadable = unknown.find((p) => p.profile.seniority?.trim());
    if (unreadable) {
      const text = unreadable.profile.seniority?.trim();
      return `Could not read a level from ${name(unreadable)}'s seniority "${text}"`;
    }
    if (unknown.length === 2) return "Both seniorities are unknown";
    return `${name(unknown[0]!)}'s seniority is unknown`;
  }
  const who = (p: PreparedProfile) => `${name(p)} (${p.profile.seniority?.trim()})`;
  const gap = mentor.seniority! - mentee.seniority!;
  if (gap < 0) return `${who(mentor)} is less senior than ${who(mentee)}`;
  if (gap === 0) return `${who(mentor)} and ${who(mentee)} are at the same level`;
  const steps = gap === 1 ? "a step" : `${gap} steps`;
  return `${who(mentor)} is ${steps} above ${who(mentee)}`;
};

const languages: Describe = (mentor, mentee, value) => {
  if (value === null) {
    return whoLacks(
      mentor,
      mentee,
      (p) => p.languages.size === 0,
      (n) => `${n} listed no languages`,
      "Neither listed any languages",
    );
  }
  const shared = found(mentor.languages, mentee.languages);
  if (shared.length > 0) return `Both speak ${list(shared)}`;
  const spoken = (p: PreparedProfile) => `${name(p)}: ${list([...p.languages.values()])}`;
  return `No language in common (${spoken(mentor)}; ${spoken(mentee)})`;
};

const timeZone: Describe = (mentor, mentee) => {
  const shared = sharedWaking(mentor, mentee);
  const zone = (p: PreparedProfile) => p.profile.timeZone || "UTC";
  if (shared === null) {
    const person = mentee.utcOffset === null ? mentee : mentor;
    return `${name(person)}'s time zone "${zone(person)}" is unknown`;
  }
  const zones =
    zone(mentor) === zone(mentee) ? `both ${zone(mentor)}` : `${zone(mentor)} and ${zone(mentee)}`;
  if (shared === 0) return `No shared waking hours (${zones})`;
  return `${plural(hours(shared), "shared waking hour")} (${zones})`;
};

const availability: Describe = (mentor, mentee, value) => {
  if (value === null) {
    const person = mentee.slots === null ? mentee : mentor;
    const text = person.profile.availability?.trim();
    if (text) return `Could not read ${name(person)}'s availability ("${text}")`;
    return whoLacks(
      mentor,
      mentee,
      (p) => p.slots === null,
      (n) => `${n} gave no availability`,
      "Neither gave their availability",
    );
  }
  const both = mentor.slots! & mentee.slots!;
  if (both) return `Free at the same times: ${describeSlots(both)}`;
  const free = (p: PreparedProfile) => `${name(p)}: ${describeSlots(p.slots!)}`;
  return `No free time in common (${free(mentor)}; ${free(mentee)})`;
};

export const describeCriterion: Record<CriterionField, Describe> = {
  interests,
  skills,
  department,
  seniority,
  languages,
  time_zone: timeZone,
  availability,
};

/** Opens the sentence that excludes a pair for a must it fails. */
export const mustPhrases: Record<CriterionField, string> = {
  interests: "Shared interests are a must",
  skills: "Wanted skills are a must",
  department: "A department match is a must",
  seniority: "Seniority is a must",
  languages: "A shared language is a must",
  time_zone: "Shared waking hours are a must",
  availability: "Shared free time is a must",
};
