import type { Evaluation, ProgramRules } from "./rules";
import { mustWeight } from "./vocab";

/**
 * Rules in plain sentences, for the program page members read before applying and for the
 * coordinator's "what will this do?" preview. One sentence per idea, no jargon or field names.
 */

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "every day", "every week", "every 2 weeks", "every 10 days". */
function every(days: number): string {
  if (days === 1) return "every day";
  if (days % 7 === 0) return days === 7 ? "every week" : `every ${days / 7} weeks`;
  return `every ${days} days`;
}

/** As `every`, with the one-word forms people say for the common rhythms. */
function cadence(days: number): string {
  const words: Record<number, string> = { 1: "daily", 7: "weekly", 30: "monthly" };
  return words[days] ?? every(days);
}

function duration(minutes: number): string {
  if (minutes === 60) return "an hour";
  return minutes % 60 === 0 ? plural(minutes / 60, "hour") : plural(minutes, "minute");
}

function times(n: number): string {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

/** "a and b", "a, b and c". */
function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const formats = { in_person: "in person", video: "by video", either: "in person or by video" };
const who = { both: "Mentors and mentees", mentor: "Mentors", mentee: "Mentees" };
const criterionNames = {
  interests: "interests",
  skills: "skills",
  department: "department",
  seniority: "seniority",
  languages: "languages",
  time_zone: "time zone",
  availability: "availability",
};
const channelNames = { email: "email", in_app: "in-app notification", webhook: "webhook" };

function evaluationPhrase(e: Evaluation): string {
  const what = e.kind === "relationship" ? "a relationship evaluation" : "a program evaluation";
  if (e.at === "midpoint") return `${what} at the mid-point`;
  if (e.at === "end") return `${what} at the end`;
  return `${what} ${plural(e.daysAfterEnd ?? 0, "day")} after the end`;
}

function matchingSentences({ matching, training }: ProgramRules): string[] {
  if (!matching.enabled) return ["New matches are paused."];
  const criteria = [...matching.criteria]
    .sort((a, b) => b.weight - a.weight)
    .map((c) => criterionNames[c.field] + (c.weight === mustWeight ? " (a must)" : ""));
  const weighing = criteria.length ? `, weighing ${list(criteria)}` : "";
  const lead = {
    coordinator: `Coordinators propose each match${weighing}.`,
    mentee_chooses: `Mentees choose their mentor from suggestions${weighing}.`,
    automatic: `Tandem proposes matches automatically${weighing}.`,
  }[matching.mode];
  const { sameDepartment, timeZoneOverlapHours, noReportingLine } = matching.hardConstraints;
  const limits = [
    noReportingLine ? "never pair people in the same reporting line" : "",
    sameDepartment === "not_allowed" ? "always pair people from different departments" : "",
    timeZoneOverlapHours > 0
      ? `need at least ${plural(timeZoneOverlapHours, "waking hour")} in common`
      : "",
  ].filter(Boolean);
  return [
    lead,
    ...(limits.length ? [`Matches ${list(limits)}.`] : []),
    `Each mentor takes up to ${plural(matching.mentorCapacity, "mentee")} and has ` +
      `${plural(matching.acceptanceWindowDays, "day")} to accept a match.`,
    training.requiredBeforeMatching
      ? "Everyone completes the program's training before being matched."
      : "Training is offered but not required before matching.",
  ];
}

export function summarizeRules(rules: ProgramRules): string[] {
  const { meetings, checkIns, coordinatorContact, goals, agreement, reminders, closure } = rules;
  const touches = coordinatorContact.firstMonthTouches;
  const evaluations = rules.evaluations.map(evaluationPhrase);
  const channels = reminders.channels.map((c) => channelNames[c]);
  const quiet = reminders.quietHours;
  return [
    `Pairs meet ${every(meetings.frequencyDays)}, for at least ${duration(meetings.minMinutes)},` +
      ` ${formats[meetings.format]}.`,
    `${who[checkIns.answeredBy]} check in on day ${checkIns.firstDay} and ` +
      `${every(checkIns.everyDays)} after.`,
    touches > 0
      ? `Coordinators reach out to every pair ${times(touches)} in the first month, then ` +
        `${cadence(coordinatorContact.everyDays)}.`
      : `Coordinators reach out to every pair ${cadence(coordinatorContact.everyDays)}.`,
    evaluations.length
      ? `Participants complete ${list(evaluations)}.`
      : "There are no scheduled evaluations.",
    goals.minPerMatch > 0
      ? `Each pair sets at least ${plural(goals.minPerMatch, "goal")} and reviews progress ` +
        `${every(goals.reviewEveryDays)}.`
      : `Goals are optional; pairs that set them review progress ${every(goals.reviewEveryDays)}.`,
    agreement.required
      ? "Both people acknowledge a written agreement before they start."
      : "A written agreement is offered but not required.",
    "Concerns about safety or wellbeing always go to a coordinator.",
    ...matchingSentences(rules),
    `Reminders go by ${list(channels)} ${plural(reminders.leadTimeHours, "hour")} ahead, never ` +
      `between ${quiet.start} and ${quiet.end} local time; anything ` +
      `${plural(reminders.escalateAfterDaysOverdue, "day")} overdue goes to a coordinator.`,
    closure.exitSurvey
      ? "When a match ends, both people answer a short exit survey."
      : "Matches end without an exit survey.",
    closure.rematchWaitDays > 0
      ? `People can join a new match ${plural(closure.rematchWaitDays, "day")} after one ends.`
      : "People can join a new match as soon as one ends.",
  ];
}
