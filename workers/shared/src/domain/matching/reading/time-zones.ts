/**
 * Shared waking hours between two time zones. Waking hours are 08:00–22:00 local (14 hours);
 * each zone's UTC offset is read at the given moment, so daylight saving time counts:
 * Berlin and New York share 8 waking hours in January and 9 in the weeks of March when only
 * America has moved its clocks.
 */

export const wakingMinutes = 14 * 60;
const wakeUp = 8 * 60;
const day = 24 * 60;

const formats = new Map<string, Intl.DateTimeFormat | null>();
/** `${zone}@${hour since epoch}` → offset in minutes, or null for a zone Intl does not know. */
const offsets = new Map<string, number | null>();
const cacheLimit = 10_000;

function formatFor(zone: string): Intl.DateTimeFormat | null {
  let format = formats.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
      });
    } catch {
      format = null;
    }
    if (formats.size >= cacheLimit) formats.clear();
    formats.set(zone, format);
  }
  return format;
}

function computeOffset(zone: string, at: Date): number | null {
  const format = formatFor(zone);
  if (!format) return null;
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(at)) if (p.type !== "literal") parts[p.type] = +p.value;
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  const utcMinute = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((local - utcMinute) / 60_000);
}

/**
 * The zone's offset from UTC in minutes at `at` (east positive), or null for an unknown zone.
 * Cached per zone and hour: clocks change on the hour almost everywhere, and a cohort asks
 * for the same few zones thousands of times.
 */
export function utcOffsetMinutes(zone: string, at: Date): number | null {
  const key = `${zone}@${Math.floor(at.getTime() / 3_600_000)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = computeOffset(zone, at);
    if (offsets.size >= cacheLimit) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Minutes of waking time two people share, given their offsets from UTC (0..840). */
export function sharedWakingMinutes(offsetA: number, offsetB: number): number {
  // Each person's waking window, in UTC minutes of the day, on a circle of 24 hours.
  const a = (((wakeUp - offsetA) % day) + day) % day;
  const b = (((wakeUp - offsetB) % day) + day) % day;
  let shared = 0;
  for (const shift of [-day, 0, day]) {
    const start = Math.max(a, b + shift);
    const end = Math.min(a + wakingMinutes, b + shift + wakingMinutes);
    if (end > start) shared += end - start;
  }
  return shared;
}
