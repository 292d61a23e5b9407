import type { CalendarDay } from "../check-in-periods";
import { endOfDay } from "./local-time";
import type { MatchSnapshot, Person, ReminderRule, ReminderState } from "./state";

/**
 * One occurrence of something a person should be told: due from `dueAt`, no longer worth
 * telling from `until`, and overdue (so escalated later) from `overdueAt`.
 */
export interface Occurrence {
  rule: ReminderRule;
  recipient: Person;
  subjectId: string;
  period: string;
  dueAt: Date;
  until: Date | null;
  overdueAt: Date | null;
  text: string;
  /** What is overdue, in a coordinator's words, for the escalation. */
  overdueText: string | null;
}

export type Rule = (state: ReminderState, now: Date) => Occurrence[];
export type MatchRule = (match: MatchSnapshot, state: ReminderState, now: Date) => Occurrence[];

export const hours = (n: number) => n * 3_600_000;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const pair = (match: MatchSnapshot) => [match.mentor, match.mentee];
export const forMatch =
  (rule: MatchRule): Rule =>
  (state, now) =>
    state.match ? rule(state.match, state, now) : [];

/** Something due on a day: reminded `leadTimeHours` before the day ends, overdue after it. */
export function dueOnDay(state: ReminderState, day: CalendarDay, recipient: Person) {
  const overdueAt = endOfDay(day, recipient.timeZone);
  const lead = hours(state.rules.reminders.leadTimeHours);
  return { dueAt: new Date(overdueAt.getTime() - lead), overdueAt };
}
