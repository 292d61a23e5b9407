import { parseAvailability } from "./reading/availability";
import { seniorityStep } from "./reading/seniority";
import { phraseKeys, tagKey, tagMap } from "./reading/text";
import { utcOffsetMinutes } from "./reading/time-zones";
import type { MatchProfile } from "./types";

/**
 * A profile read once for many comparisons: tags keyed, free text parsed, the time zone's
 * offset taken at the moment of matching. Scoring a cohort compares each mentor with each
 * mentee; doing this work per person instead of per pair is what keeps that fast.
 */
export interface PreparedProfile {
  profile: MatchProfile;
  interests: Map<string, string>;
  skills: Map<string, string>;
  /** Interests and skills together: what a mentor offers, what a mentee wants. */
  tags: Map<string, string>;
  /** Every phrase of the goals text, as tag keys (see `phraseKeys`). */
  goalPhrases: Set<string>;
  department: string | null;
  /** Step on the seniority ladder; null when unknown or unreadable. */
  seniority: number | null;
  languages: Map<string, string>;
  /** Minutes east of UTC at the moment of matching; null for an unknown zone. */
  utcOffset: number | null;
  /** Slot mask; null when missing or unreadable. */
  slots: number | null;
}

export function prepareProfile(profile: MatchProfile, now: Date): PreparedProfile {
  const interests = tagMap(profile.interests);
  const skills = tagMap(profile.skills);
  const department = profile.department ? tagKey(profile.department) : "";
  return {
    profile,
    interests,
    skills,
    tags: new Map([...skills, ...interests]),
    goalPhrases: goalPhrases(profile.goals),
    department: department || null,
    seniority: seniorityStep(profile.seniority),
    languages: tagMap(profile.languages),
    utcOffset: utcOffsetMinutes(profile.timeZone || "UTC", now),
    slots: parseAvailability(profile.availability),
  };
}

function goalPhrases(goals: string): Set<string> {
  return goals.trim() ? phraseKeys(goals) : new Set();
}
