import { list } from "./text";

/**
 * A week of availability as a bit mask: 7 days × 3 parts of the day, bit `day * 3 + part`,
 * days Monday = 0 … Sunday = 6, parts morning = 0, afternoon = 1, evening = 2.
 */
export const dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const partNames = ["morning", "afternoon", "evening"] as const;
export const allDays = 0b1111111;
export const allParts = 0b111;
export const weekdays = 0b0011111;
export const weekend = 0b1100000;
export const wholeWeek = (1 << 21) - 1;

/** The slots of some days (a 7-bit mask) at some parts of the day (a 3-bit mask). */
export function slotsOf(days: number, parts: number): number {
  let mask = 0;
  for (let d = 0; d < 7; d++) {
    if (days & (1 << d)) mask |= parts << (d * 3);
  }
  return mask;
}

export function slotCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

/** Days (7-bit mask) on which the slots include the given part. */
function daysAt(mask: number, part: number): number {
  let days = 0;
  for (let d = 0; d < 7; d++) if (mask & (1 << (d * 3 + part))) days |= 1 << d;
  return days;
}

/** "Tue and Thu", "Mon–Wed and Fri". Runs of three or more days read as a range. */
function dayList(days: number): string {
  const runs: string[] = [];
  for (let d = 0; d < 7; d++) {
    if (!(days & (1 << d))) continue;
    let end = d;
    while (end < 6 && days & (1 << (end + 1))) end++;
    if (end - d >= 2) runs.push(`${dayNames[d]}–${dayNames[end]}`);
    else for (let x = d; x <= end; x++) runs.push(dayNames[x]!);
    d = end;
  }
  return list(runs);
}

/** "weekday evenings", "every morning", "Tue and Thu mornings and afternoons". */
function atParts(days: number, parts: number[]): string {
  const names = list(parts.map((p) => `${partNames[p]}s`));
  if (days === allDays) return parts.length === 1 ? `every ${partNames[parts[0]!]}` : names;
  if (days === weekdays) return `weekday ${names}`;
  if (days === weekend) return `weekend ${names}`;
  return `${dayList(days)} ${names}`;
}

/**
 * A slot mask in words: "any time", "weekends, all day", "Tue and Thu evenings, weekend
 * mornings". Parts of the day that fall on the same days are said together.
 */
export function describeSlots(mask: number): string {
  if (mask === wholeWeek) return "any time";
  const byDays = new Map<number, number[]>();
  for (let p = 0; p < 3; p++) {
    const days = daysAt(mask, p);
    if (days) byDays.set(days, [...(byDays.get(days) ?? []), p]);
  }
  const phrases: string[] = [];
  for (const [days, parts] of byDays) {
    if (parts.length < 3) phrases.push(atParts(days, parts));
    else if (days === weekdays) phrases.push("weekdays, all day");
    else if (days === weekend) phrases.push("weekends, all day");
    else phrases.push(`${dayList(days)}, all day`);
  }
  return phrases.join("; ");
}
