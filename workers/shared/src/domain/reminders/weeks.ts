import { addDays, type CalendarDay } from "../check-in-periods";

/** Days since the Monday of `day`'s week (Monday 0 … Sunday 6). */
const weekday = (day: CalendarDay) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The Monday of the week `day` falls in. */
export const mondayOf = (day: CalendarDay): CalendarDay => addDays(day, -weekday(day));

/**
 * The ISO week `day` falls in, "2030-W10": the week belongs to the year of its Thursday, and
 * week 1 is the one holding the year's first Thursday.
 */
export function isoWeek(day: CalendarDay): string {
  const thursday = addDays(mondayOf(day), 3);
  const year = thursday.slice(0, 4);
  const dayOfYear =
    (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}
