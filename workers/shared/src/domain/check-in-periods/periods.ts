import { addDays, type CalendarDay, dayIn, daysBetween } from "./calendar";

/** The part of a program's check-in rules the calendar depends on. */
export interface CheckInCadence {
  /** Days after the match began that the first check-in opens. */
  firstDay: number;
  /** Days between one check-in opening and the next. */
  everyDays: number;
}

/** One check-in: answerable from `opensOn` through `closesOn`, both days included. */
export interface CheckInPeriod {
  period: number;
  opensOn: CalendarDay;
  closesOn: CalendarDay;
}

/**
 * Every check-in of a match that has opened by `until`, oldest first. Days are the mentee's
 * (`timeZone`): the match began on the day it was activated there; check-in n opens
 * `firstDay + (n − 1) · everyDays` days later and closes the day before the next one opens,
 * so there is always exactly one check-in to answer once the first has opened.
 */
export function checkInPeriods(
  activatedAt: Date,
  timeZone: string,
  cadence: CheckInCadence,
  until: Date,
): CheckInPeriod[] {
  const began = dayIn(activatedAt, timeZone);
  const today = dayIn(until, timeZone);
  const first = addDays(began, cadence.firstDay);
  const elapsed = daysBetween(first, today);
  if (elapsed < 0) return [];
  const count = Math.floor(elapsed / cadence.everyDays) + 1;
  return Array.from({ length: count }, (_, i) => periodAt(first, cadence.everyDays, i + 1));
}

function periodAt(first: CalendarDay, everyDays: number, period: number): CheckInPeriod {
  const opensOn = addDays(first, (period - 1) * everyDays);
  return { period, opensOn, closesOn: addDays(opensOn, everyDays - 1) };
}

/** Where `today` stands in a check-in's window. */
export function periodStatus(
  period: Pick<CheckInPeriod, "opensOn" | "closesOn">,
  today: CalendarDay,
): "upcoming" | "open" | "closed" {
  if (today < period.opensOn) return "upcoming";
  return today > period.closesOn ? "closed" : "open";
}
