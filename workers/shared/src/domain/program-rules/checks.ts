import type { FieldError } from "../../contracts/common/errors";
import { type ApplicationForm, defaultApplicationForm } from "./application-form";
import { minutesOfDay } from "./fields";
import type { ProgramRules } from "./rules";
import { mustWeight } from "./vocab";

/**
 * Contradictions between rules, and between rules and the program they belong to. Each value
 * may be fine alone (the schema saw to that); together they promise something the program
 * cannot keep. Field paths are relative to the rules object, like the schema's own issues;
 * an API nesting rules under `rules` prefixes them.
 */

export interface ProgramShape {
  startsOn: string | null;
  endsOn: string | null;
  relationshipLengthDays: number | null;
  /** The program's form; a program without one uses the default form. */
  applicationForm?: ApplicationForm | null;
}

const dayMs = 86_400_000;

/** How long a pair runs: its own length if set, else the program's dates; null if open. */
export function programLengthDays(program: ProgramShape): number | null {
  if (program.relationshipLengthDays != null) return program.relationshipLengthDays;
  if (!program.startsOn || !program.endsOn) return null;
  const days = (Date.parse(program.endsOn) - Date.parse(program.startsOn)) / dayMs;
  // Unreadable or reversed dates are the program schema's to refuse, not a rules problem.
  return Number.isFinite(days) && days > 0 ? Math.round(days) : null;
}

/** The application form's profile-field key for each matching criterion. */
const formFieldOf = {
  interests: "interests",
  skills: "skills",
  department: "department",
  seniority: "seniority",
  languages: "languages",
  time_zone: "timeZone",
  availability: "availability",
} as const;

function lengthProblems(rules: ProgramRules, program: ProgramShape): FieldError[] {
  const length = programLengthDays(program);
  const hasEnd = length !== null || Boolean(program.endsOn);
  const problems: FieldError[] = [];
  rules.evaluations.forEach((e, i) => {
    const field = `evaluations.${i}.at`;
    if (e.at === "after_end" && !hasEnd) {
      problems.push({
        field,
        message:
          `Evaluations: "${e.id}" comes after the end, but this program has no end date or ` +
          "relationship length. Set one, or hold the evaluation at the end of each match.",
      });
    } else if (e.at === "midpoint" && length === null) {
      problems.push({
        field,
        message:
          `Evaluations: "${e.id}" comes at the mid-point, but without a relationship length ` +
          "or start and end dates there is no mid-point. Set a length, or move it to the end.",
      });
    }
  });
  if (length === null) return problems;
  const tooLong = (field: string, days: number, message: string) => {
    if (days > length) problems.push({ field, message });
  };
  const { meetings, checkIns, goals } = rules;
  const lasts = `relationships last ${length} days`;
  tooLong(
    "meetings.frequencyDays",
    meetings.frequencyDays,
    `Meetings: pairs would meet every ${meetings.frequencyDays} days, but ${lasts}.`,
  );
  tooLong(
    "checkIns.firstDay",
    checkIns.firstDay,
    `Check-ins: the first check-in on day ${checkIns.firstDay} comes too late; ${lasts}.`,
  );
  tooLong(
    "checkIns.everyDays",
    checkIns.everyDays,
    `Check-ins: check-ins every ${checkIns.everyDays} days are too far apart; ${lasts}.`,
  );
  tooLong(
    "goals.reviewEveryDays",
    goals.reviewEveryDays,
    `Goals: reviews every ${goals.reviewEveryDays} days are too far apart; ${lasts}.`,
  );
  return problems;
}

function duplicates(ids: string[], path: (index: number) => string, what: string): FieldError[] {
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      problems.push({ field: path(index), message: `${what} "${id}" is used twice.` });
    }
    seen.add(id);
  });
  return problems;
}

function duplicateProblems(rules: ProgramRules): FieldError[] {
  return [
    ...duplicates(
      rules.checkIns.questions.map((q) => q.id),
      (i) => `checkIns.questions.${i}.id`,
      "Check-ins: the question id",
    ),
    ...duplicates(
      rules.evaluations.map((e) => e.id),
      (i) => `evaluations.${i}.id`,
      "Evaluations: the evaluation id",
    ),
    ...rules.evaluations.flatMap((e, n) =>
      duplicates(
        e.template.questions.map((q) => q.id),
        (i) => `evaluations.${n}.template.questions.${i}.id`,
        `Evaluations: in "${e.id}", the question id`,
      ),
    ),
    ...duplicates(
      rules.matching.criteria.map((c) => c.field),
      (i) => `matching.criteria.${i}.field`,
      "Matching: the criterion",
    ),
  ];
}

function matchingProblems(rules: ProgramRules, form: ApplicationForm): FieldError[] {
  const { matching } = rules;
  const problems: FieldError[] = [];
  const hidden = (field: keyof typeof formFieldOf) =>
    form.profileFields[formFieldOf[field]] === "hidden";
  if (matching.mode === "automatic" && matching.criteria.length === 0) {
    problems.push({
      field: "matching.criteria",
      message: "Matching: automatic matching needs at least one criterion to compare people on.",
    });
  }
  matching.criteria.forEach((c, i) => {
    if (c.weight === mustWeight && hidden(c.field)) {
      problems.push({
        field: `matching.criteria.${i}.field`,
        message:
          `Matching: ${c.field} is a must, but the application form hides it, so no one ` +
          "could be matched. Ask for it on the form or lower its weight.",
      });
    }
  });
  const { hardConstraints } = matching;
  if (hardConstraints.sameDepartment === "not_allowed" && hidden("department")) {
    problems.push({
      field: "matching.hardConstraints.sameDepartment",
      message:
        "Matching: pairs must come from different departments, but the application form " +
        "hides the department.",
    });
  }
  if (hardConstraints.timeZoneOverlapHours > 0 && hidden("time_zone")) {
    problems.push({
      field: "matching.hardConstraints.timeZoneOverlapHours",
      message:
        "Matching: pairs must share waking hours, but the application form hides the time zone.",
    });
  }
  if (matching.enabled && matching.mentorCapacity === 0) {
    problems.push({
      field: "matching.mentorCapacity",
      message:
        "Matching: mentors can take no mentees, so no match can be made. Raise the capacity " +
        "or turn matching off.",
    });
  }
  return problems;
}

function reminderProblems(rules: ProgramRules): FieldError[] {
  const { quietHours, leadTimeHours } = rules.reminders;
  const problems: FieldError[] = [];
  if (minutesOfDay(quietHours.start) === minutesOfDay(quietHours.end)) {
    problems.push({
      field: "reminders.quietHours.end",
      message: "Reminders: quiet hours start and end at the same time, so they never apply.",
    });
  }
  if (leadTimeHours > rules.meetings.frequencyDays * 24) {
    problems.push({
      field: "reminders.leadTimeHours",
      message:
        `Reminders: a reminder ${leadTimeHours} hours ahead would arrive before the previous ` +
        `meeting, as pairs meet every ${rules.meetings.frequencyDays} days.`,
    });
  }
  return problems;
}

export function rulesProblems(rules: ProgramRules, program: ProgramShape): FieldError[] {
  const form = program.applicationForm ?? defaultApplicationForm();
  return [
    ...lengthProblems(rules, program),
    ...duplicateProblems(rules),
    ...matchingProblems(rules, form),
    ...reminderProblems(rules),
  ];
}
