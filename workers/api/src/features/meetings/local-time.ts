import { TZDate } from "@date-fns/tz";
import type { ZonedTime } from "../../../../shared/src/contracts/relationship/meetings";
import { invalidField } from "../../http/invalid-field";

/**
 * Wall-clock times and the instants they name. People type the time their own clock will
 * show; the database keeps the instant; each reader sees it on their own clock again.
 */

/** The instant "2026-12-03T18:00" names in `timeZone`, or a 400 when that clock never shows it. */
export function instantOf(local: string, timeZone: string): Date {
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const zoned = new TZDate(y, mo - 1, d, h, mi, timeZone);
  // In a spring-forward gap the library moves the time on (02:30 becomes 03:30): refuse it
  // rather than book an hour the person did not choose.
  if (zoned.getHours() !== h || zoned.getMinutes() !== mi || zoned.getDate() !== d) {
    throw invalidField(
      "startsAt",
      `startsAt: ${local} does not exist in ${timeZone} (the clocks change that night). ` +
        "Pick a time before or after the change.",
    );
  }
  return new Date(zoned.getTime());
}

/** The instant as a clock in `timeZone` shows it. */
export function zonedTime(at: Date, timeZone: string): ZonedTime {
  // "2026-12-03T18:00:00.000+01:00"
  const iso = new TZDate(at.getTime(), timeZone).toISOString();
  return { timeZone, local: iso.slice(0, 16), offset: iso.slice(23) };
}

/** "Thursday, 3 December 2026 at 18:00 (Europe/Berlin)", for emails. */
export function spokenTime(at: Date, timeZone: string): string {
  const words = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return `${words} (${timeZone})`;
}
