import { addDays, type CalendarDay, daysBetween } from "../check-in-periods";

/** The part of a program's rules the coordinator's contact schedule depends on. */
export interface ContactCadence {
  /** Contacts spread over the match's first 30 days. */
  firstMonthTouches: number;
  /** Days between contacts after that. */
  everyDays: number;
}

/** The first month of a match, in days: when the first-month touches fall. */
export const firstMonthDays = 30;

/**
 * The days the first-month touches fall due, spread evenly over the first 30 days and ending
 * on day 30: two touches fall on days 15 and 30, three on days 10, 20 and 30.
 */
export function firstMonthDueDays(began: CalendarDay, touches: number): CalendarDay[] {
  return Array.from({ length: touches }, (_, i) =>
    addDays(began, Math.round((firstMonthDays * (i + 1)) / touches)),
  );
}

/**
 * When a coordinator should next contact a pair, from the day the match began and the days of
 * the contacts logged so far. In the first month each contact answers the next first-month
 * touch; once the touches are done, or the first month is over, the next contact is due
 * `everyDays` after the latest one (or after the match began, when there is none). A contact
 * logged late in the first month still counts, so one catch-up call never leaves a pair
 * overdue on a touch whose day has passed.
 */
export function nextContactDue(
  began: CalendarDay,
  cadence: ContactCadence,
  contacts: readonly CalendarDay[],
): CalendarDay {
  const sorted = contacts.filter((d) => d >= began).sort();
  const latest = sorted.at(-1) ?? null;
  const monthEnds = addDays(began, firstMonthDays);
  const inFirstMonth = sorted.filter((d) => d <= monthEnds).length;
  const pastMonth = latest !== null && latest > monthEnds;
  if (!pastMonth && inFirstMonth < cadence.firstMonthTouches) {
    return firstMonthDueDays(began, cadence.firstMonthTouches)[inFirstMonth]!;
  }
  return addDays(latest ?? began, cadence.everyDays);
}

/** How a pair stands for coordinator contact on `today`. */
export interface ContactStanding {
  dueOn: CalendarDay;
  /** Whole days past `dueOn`; 0 when not yet due or due today. */
  daysOverdue: number;
  lastContactOn: CalendarDay | null;
}

export function contactStanding(
  began: CalendarDay,
  cadence: ContactCadence,
  contacts: readonly CalendarDay[],
  today: CalendarDay,
): ContactStanding {
  const dueOn = nextContactDue(began, cadence, contacts);
  const lastContactOn = [...contacts].sort().at(-1) ?? null;
  return { dueOn, daysOverdue: Math.max(0, daysBetween(dueOn, today)), lastContactOn };
}
