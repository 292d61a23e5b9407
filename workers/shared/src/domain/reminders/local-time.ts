import { TZDate, tzOffset } from "@date-fns/tz";
import { addDays, type CalendarDay } from "../check-in-periods";
import { rememberedBy } from "../remembered";

/**
 * Moments on a person's own clock. Every conversion between a wall-clock time and an instant
 * goes through `@date-fns/tz`, so daylight saving changes come from the time zone database,
 * never from offsets written here.
 *
 * Each conversion costs the runtime's `Intl` several times over, and a sweep asks the same
 * few days and moments of the same zones for thousands of pairs, so each exported function is
 * remembered by its arguments (`rememberedBy`): the answers are the library's, asked once.
 * Dates are remembered as milliseconds, so no caller can change a remembered answer.
 */

/** Quiet hours as clock times, "HH:MM"; `start` after `end` means they span midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

const known = new Map<string, boolean>();

// A zone this runtime does not know reads as UTC, as calendar days do, rather than failing a
// whole sweep over one person's profile.
function zone(timeZone: string): string {
  let ok = known.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size > 1000) known.clear();
    known.set(timeZone, ok);
  }
  return ok ? timeZone : "UTC";
}

const minutesOf = (time: string) => {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
};

/** The moment a clock in `timeZone` shows `time` ("HH:MM") on `day` (moved on past a skipped hour). */
const clockMs = rememberedBy(
  (day: CalendarDay, time: string, timeZone: string) => `${day}|${time}|${timeZone}`,
  (day, time, timeZone) => {
    const [y, m, d] = day.split("-").map(Number);
    const minutes = minutesOf(time);
    const tz = zone(timeZone);
    return new TZDate(y!, m! - 1, d!, Math.floor(minutes / 60), minutes % 60, tz).getTime();
  },
);

/** The moment `day` begins in `timeZone` (later than midnight where midnight is skipped). */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  return new Date(clockMs(day, "00:00", timeZone));
}

/** The moment a clock in `timeZone` shows `time` ("HH:MM") on `day` (moved on past a skipped hour). */
export function atClock(day: CalendarDay, time: string, timeZone: string): Date {
  return new Date(clockMs(day, time, timeZone));
}

/** The moment the day after `day` begins: when something due on `day` is overdue. */
export function endOfDay(day: CalendarDay, timeZone: string): Date {
  return startOfDay(addDays(day, 1), timeZone);
}

const addLocalDaysMs = rememberedBy(
  (at: number, days: number, timeZone: string) => `${at}|${days}|${timeZone}`,
  (at, days, timeZone) => {
    const local = new TZDate(at, zone(timeZone));
    local.setDate(local.getDate() + days);
    return local.getTime();
  },
);

/** `at` plus `days` calendar days at the same wall-clock time in `timeZone`. */
export function addLocalDays(at: Date, days: number, timeZone: string): Date {
  return new Date(addLocalDaysMs(at.getTime(), days, timeZone));
}

/** The minute of the day (0–1439) a clock in `timeZone` shows at `at`. */
const minuteOfDay = rememberedBy(
  (at: number, timeZone: string) => `${at}|${timeZone}`,
  (at, timeZone) => {
    const local = new TZDate(at, zone(timeZone));
    return local.getHours() * 60 + local.getMinutes();
  },
);

/** Whether `at` falls inside quiet hours on the clock of `timeZone`. */
export function isQuiet(at: Date, timeZone: string, quiet: QuietHours): boolean {
  const now = minuteOfDay(at.getTime(), timeZone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/**
 * `at`, or when that falls in quiet hours on the person's clock, the moment the quiet hours
 * end: the next morning for an evening moment, the same morning for a small-hours one.
 */
export function outOfQuietHours(at: Date, timeZone: string, quiet: QuietHours): Date {
  if (!isQuiet(at, timeZone, quiet)) return at;
  return new Date(quietEndMs(at.getTime(), timeZone, quiet.end));
}

/** The end of the quiet hours `at` falls in, on the clock of `timeZone`. */
const quietEndMs = rememberedBy(
  (at: number, timeZone: string, end: string) => `${at}|${timeZone}|${end}`,
  (at, timeZone, endsAt) => {
    const tz = zone(timeZone);
    const local = new TZDate(at, tz);
    const now = local.getHours() * 60 + local.getMinutes();
    const end = minutesOf(endsAt);
    const nextDay = now >= end ? 1 : 0;
    const wake = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + nextDay,
      Math.floor(end / 60),
      end % 60,
      tz,
    );
    // When the clocks go back, the end of quiet hours can fall in the hour that repeats and
    // the library names its first pass, which may already be behind `at`. The second pass is
    // the same wall time at the offset in force at `at`.
    if (wake.getTime() > at) return wake.getTime();
    const shift = tzOffset(tz, wake) - tzOffset(tz, new Date(at));
    return Math.max(at, wake.getTime() + shift * 60_000);
  },
);

/** The last minute before the quiet hours that begin at `start` on the day of `at`, or before. */
const quietStartMs = rememberedBy(
  (at: number, timeZone: string, start: string) => `${at}|${timeZone}|${start}`,
  (at, timeZone, startsAt) => {
    const tz = zone(timeZone);
    const local = new TZDate(at, tz);
    const now = local.getHours() * 60 + local.getMinutes();
    const start = minutesOf(startsAt);
    const dayBack = now >= start ? 0 : 1;
    const began = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() - dayBack,
      Math.floor(start / 60),
      start % 60,
      tz,
    );
    return Math.min(began.getTime() - 60_000, at);
  },
);

/**
 * The last minute before quiet hours began, for a reminder that would be too late if it
 * waited for the morning (a meeting at 07:30 with a one-hour lead time).
 */
export function beforeQuietHours(at: Date, timeZone: string, quiet: QuietHours): Date {
  return new Date(quietStartMs(at.getTime(), timeZone, quiet.start));
}
