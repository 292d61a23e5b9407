// Times in the workspace are shown on the viewer's own clock, named by its zone, so a pair
// in two cities never has to convert in their heads.

/** "Tue, 3 Dec 2026, 18:00" on the clock of `timeZone`. */
export function clockTime(iso: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** "3 Dec 2026" for a calendar day written YYYY-MM-DD, without shifting it across zones. */
export function calendarDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Today as YYYY-MM-DD on the clock of `timeZone`. */
export function todayIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A local "2026-12-03T18:00" split for a date field and a time field. */
export const splitLocal = (local: string) => ({
  date: local.slice(0, 10),
  time: local.slice(11, 16),
});
