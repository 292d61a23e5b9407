import { addDays, dayIn } from "../check-in-periods";
import { endOfDay } from "./local-time";
import { type MatchRule, pair, plural } from "./occurrence";

/**
 * Days each of the pair has to submit an evaluation once it opens before it counts as
 * overdue (and, `escalateAfterDaysOverdue` later, goes to the coordinators). Evaluations
 * never close, so this is the engine's own window: two weeks, the grace an agreement gets.
 */
export const evaluationAnswerDays = 14;

/**
 * Days without anything happening in a match before the pair is nudged: twice the meeting
 * cadence, when the health signal calls a missing meeting "at risk". The program rules have
 * no inactivity setting of their own, so the cadence the coordinators chose sets it.
 */
export const inactivityDays = (frequencyDays: number) => 2 * frequencyDays;

const evaluationWords = {
  relationship: "your mentoring relationship",
  program: "the program",
  exit: "how your mentoring ended",
} as const;

// Each of the pair who has not submitted is told the day it opens; the key names the
// evaluation, so a moved opening (a changed program length) is still one reminder.
export const evaluationsDue: MatchRule = (match) =>
  (match.evaluations ?? []).flatMap((evaluation) =>
    pair(match)
      .filter((person) => !evaluation.submittedBy.includes(person.id))
      .map((person) => {
        const opened = dayIn(evaluation.opensAt, person.timeZone);
        const by = addDays(opened, evaluationAnswerDays);
        return {
          rule: "evaluation_due" as const,
          recipient: person,
          subjectId: match.id,
          period: evaluation.id,
          dueAt: evaluation.opensAt,
          until: null,
          overdueAt: endOfDay(by, person.timeZone),
          text: `An evaluation of ${evaluationWords[evaluation.kind]} is open; please answer it by ${by}.`,
          overdueText: `The pair's evaluation "${evaluation.id}", open since ${opened}, is not answered by both.`,
        };
      }),
  );

// Nothing at all in the match for a while: a quieter pair than "no meeting" alone tells.
export const inactivity: MatchRule = (match, state) => {
  if (match.lastActivityAt === undefined) return [];
  const last = match.lastActivityAt;
  const since = last && last > match.activatedAt ? last : match.activatedAt;
  const days = inactivityDays(state.rules.meetings.frequencyDays);
  return pair(match).map((person) => {
    const overdueAt = endOfDay(addDays(dayIn(since, person.timeZone), days), person.timeZone);
    return {
      rule: "inactivity",
      recipient: person,
      subjectId: match.id,
      period: since.toISOString(),
      dueAt: overdueAt,
      until: null,
      overdueAt,
      text: `Nothing has happened in your mentoring for more than ${plural(days, "day")}; a short message or a meeting gets things going again.`,
      overdueText: `Nothing has happened in the match for more than ${plural(days, "day")}.`,
    };
  });
};
