import { rememberedBy } from "../remembered";

/**
 * Calendar days as people live them: "2030-03-31" in someone's own time zone, not a UTC
 * instant. Day arithmetic runs on the date alone, so a daylight saving change (a 23- or
 * 25-hour day) never shifts a date, and the 31st plus one day is the 1st of the next month.
 */

/** A calendar day, YYYY-MM-DD. */
export type CalendarDay = string;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      // A zone this runtime does not know reads as UTC rather than failing someone's request.
      format = formatFor("UTC");
    }
    if (formats.size > 1000) formats.clear();
    formats.set(timeZone, format);
  }
  return format;
}

// Remembered: a sweep asks the day of the same moments in the same zones for every pair.
const dayAt = rememberedBy(
  (instant: number, timeZone: string) => `${instant}|${timeZone}`,
  (instant, timeZone) => {
    const parts: Record<string, string> = {};
    for (const p of formatFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
    return `${parts.year}-${parts.month}-${parts.day}`;
  },
);

/** The day it is at `instant` in `timeZone` (an IANA name; unknown zones read as UTC). */
export function dayIn(instant: Date, timeZone: string): CalendarDay {
  return dayAt(instant.getTime(), timeZone);
}

/** `day` plus `n` days (n may be negative). */
export const addDays: (day: CalendarDay, n: number) => CalendarDay = rememberedBy(
  (day, n) => `${day}|${n}`,
  (day, n) => {
    const [y, m, d] = day.split("-").map(Number);
    return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
  },
);

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  const at = (day: CalendarDay) => Date.parse(`${day}T00:00:00Z`);
  return Math.round((at(to) - at(from)) / 86_400_000);
}

/** Whether `day` is a real YYYY-MM-DD date (not "2030-02-30"). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}
