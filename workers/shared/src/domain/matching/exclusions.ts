import { criterionFields } from "../program-rules";
import { sharedWaking } from "./criteria";
import { describeCriterion, mustPhrases } from "./explain";
import type { PreparedProfile } from "./prepare";
import { hours, plural } from "./reading/text";
import type { CompiledRules } from "./rules";
import type { CriterionField, Reason } from "./types";

/**
 * Why a pair may never be proposed. Scoring a cohort stores, per pair, either its score
 * (0..100) or one of these negative codes, so that an unmatched mentee can be told the most
 * common reason no mentor fitted. A failed must is `mustFailed - index` (value 0) or
 * `mustUnknown - index` (no data), `index` being the criterion's place in `criterionFields`.
 */
export const excluded = {
  samePerson: -1,
  reportingLine: -2,
  sameDepartment: -3,
  noWakingHours: -4,
  fewWakingHours: -5,
  unknownTimeZone: -6,
  blocked: -7,
  mustFailed: -10,
  mustUnknown: -20,
} as const;

const name = (p: PreparedProfile) => p.profile.displayName;
const constraint = (text: string): Reason => ({ criterion: "constraint", points: 0, text });

/** The hard constraints' code for a pair, or 0 when none applies. Cheap checks first. */
export function constraintCode(
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  rules: CompiledRules,
): number {
  const a = mentor.profile;
  const b = mentee.profile;
  if (a.memberId === b.memberId) return excluded.samePerson;
  if (rules.noReportingLine && (a.reportsTo === b.memberId || b.reportsTo === a.memberId)) {
    return excluded.reportingLine;
  }
  if (rules.apartDepartments && mentor.department !== null) {
    if (mentor.department === mentee.department) return excluded.sameDepartment;
  }
  if (rules.minSharedMinutes > 0) {
    const shared = sharedWaking(mentor, mentee);
    if (shared === null) return excluded.unknownTimeZone;
    if (shared === 0) return excluded.noWakingHours;
    if (shared < rules.minSharedMinutes) return excluded.fewWakingHours;
  }
  return 0;
}

function constraintReasons(
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  rules: CompiledRules,
): Reason[] {
  const reasons: Reason[] = [];
  const a = mentor.profile;
  const b = mentee.profile;
  if (a.memberId === b.memberId)
    reasons.push(constraint(`${a.displayName} cannot mentor themselves`));
  if (rules.noReportingLine) {
    const line = (boss: PreparedProfile, report: PreparedProfile) =>
      `${name(report)} reports to ${name(boss)}: the program keeps reporting lines apart`;
    if (b.reportsTo === a.memberId) reasons.push(constraint(line(mentor, mentee)));
    if (a.reportsTo === b.memberId) reasons.push(constraint(line(mentee, mentor)));
  }
  if (rules.apartDepartments && mentor.department !== null) {
    if (mentor.department === mentee.department) {
      const text = `Both in ${a.department}: the program pairs people from different departments`;
      reasons.push(constraint(text));
    }
  }
  if (rules.minSharedMinutes > 0) {
    const asked = plural(rules.minSharedMinutes / 60, "hour");
    const shared = sharedWaking(mentor, mentee);
    if (shared === null) {
      const who = mentee.utcOffset === null ? mentee : mentor;
      const zone = who.profile.timeZone;
      reasons.push(
        constraint(`${name(who)}'s time zone "${zone}" is unknown; the program asks for ${asked}`),
      );
    } else if (shared === 0) reasons.push(constraint("No shared waking hours: excluded"));
    else if (shared < rules.minSharedMinutes) {
      const only = plural(hours(shared), "shared waking hour");
      reasons.push(constraint(`Only ${only}; the program asks for ${asked}`));
    }
  }
  return reasons;
}

/** Every reason a pair is excluded, in a coordinator's words; empty when it is not. */
export function exclusionReasons(
  mentor: PreparedProfile,
  mentee: PreparedProfile,
  rules: CompiledRules,
): Reason[] {
  const reasons = constraintReasons(mentor, mentee, rules);
  for (const c of rules.criteria) {
    if (!c.must) continue;
    const value = c.value(mentor, mentee, rules.rules);
    if (value !== null && value > 0) continue;
    const why = describeCriterion[c.field](mentor, mentee, value, rules.rules);
    reasons.push({ criterion: c.field, points: 0, text: `${mustPhrases[c.field]}: ${why}` });
  }
  return reasons;
}

const mustSummary: Record<CriterionField, [failed: string, unknown: string]> = {
  interests: ["no shared interests (a must)", "interests unknown (a must)"],
  skills: ["none of the skills they want (a must)", "skills or goals unknown (a must)"],
  department: ["a different department (a must)", "department unknown (a must)"],
  seniority: ["less senior (seniority is a must)", "seniority unknown (a must)"],
  languages: ["no shared language (a must)", "languages unknown (a must)"],
  time_zone: ["no shared waking hours (a must)", "time zone unknown (a must)"],
  availability: ["no shared free time (a must)", "availability unknown (a must)"],
};

/** A short phrase for a code, to follow "No compatible mentor: ". */
export function exclusionSummary(code: number, rules: CompiledRules): string {
  switch (code) {
    case excluded.samePerson:
      return "the only mentor is themselves";
    case excluded.reportingLine:
      return "a reporting line";
    case excluded.sameDepartment:
      return "the same department";
    case excluded.noWakingHours:
      return "no shared waking hours";
    case excluded.fewWakingHours:
      return `fewer than ${plural(rules.minSharedMinutes / 60, "shared waking hour")}`;
    case excluded.unknownTimeZone:
      return "time zone unknown";
  }
  const unknown = code <= excluded.mustUnknown;
  const index = unknown ? excluded.mustUnknown - code : excluded.mustFailed - code;
  const field = criterionFields[index];
  return field ? mustSummary[field][unknown ? 1 : 0] : "excluded";
}
