import { remembered } from "../../remembered";
import { allDays, allParts, slotsOf, weekdays, weekend, wholeWeek } from "./slots";

/**
 * Reads free-text availability ("Tue and Thu evenings, weekend mornings", "weekdays after
 * 6pm", "any time except Fridays") into a slot mask (see slots.ts), or null when nothing in
 * it names a day or a time of day.
 *
 * Words are read left to right into groups of days and parts of the day: "Tue and Thu
 * evenings" is one group; a day named after a group already has its parts starts a new group
 * ("weekday evenings and weekends"), unless it is joined by "on"/"during"… to a group with no
 * days yet ("evenings on weekdays"). A group without days means every day; without parts, the
 * whole day. Groups after "except", "not" or "no" are taken away.
 */

const dayWords: Record<string, number> = {};
const dayStems = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const dayFull = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
dayStems.forEach((stem, d) => {
  for (const w of [stem, `${stem}s`, dayFull[d]!, `${dayFull[d]}s`]) dayWords[w] = 1 << d;
});
Object.assign(dayWords, {
  tues: 2,
  weds: 4,
  thur: 8,
  thurs: 8,
  weekday: weekdays,
  weekdays,
  weekend,
  weekends: weekend,
  everyday: allDays,
  daily: allDays,
});

const partWords: Record<string, number> = {
  morning: 1,
  mornings: 1,
  breakfast: 1,
  early: 1,
  afternoon: 2,
  afternoons: 2,
  lunch: 2,
  lunchtime: 2,
  midday: 2,
  noon: 2,
  evening: 4,
  evenings: 4,
  night: 4,
  nights: 4,
  tonight: 4,
  anytime: allParts,
  allday: allParts,
  whenever: allParts,
  flexible: allParts,
};

const prepositions = new Set(["on", "during", "over", "at", "in", "every", "each", "most"]);
const rangeWords = new Set(["-", "to", "through", "thru", "until", "till"]);
const negations = new Set(["except", "not", "no", "excluding", "without"]);

/** Phrases that read as one word below. */
const phrases: [RegExp, string][] = [
  [/\b(any ?time|at any point)\b/g, " anytime "],
  [/\ball day\b/g, " allday "],
  [/\b(every ?day|each day|all week|any day|7 days a week)\b/g, " everyday "],
  [/\b(week ?days|work ?days|working days|business days)\b/g, " weekdays "],
  [/\bweek ?ends?\b/g, " weekends "],
  [/\bafter (work|school|class(es)?|hours)\b/g, " evening "],
  [/\b(but not|apart from|other than|unless)\b/g, " except "],
];

const time = String.raw`(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`;
const timeRange = new RegExp(
  String.raw`(?:from |between )?${time}\s*(?:-|–|to|until|till|and)\s*${time}`,
  "g",
);
const timeAfter = new RegExp(String.raw`\b(after|from|past) ${time}`, "g");
const timeBefore = new RegExp(String.raw`\b(before|until|till) ${time}`, "g");
const timeAlone = /\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b/g;

/** Minutes since midnight, or null when the number does not look like a time. */
function minutes(h: string, m: string | undefined, meridiem: string | undefined): number | null {
  let hour = Number(h);
  if (hour > 24 || (m !== undefined && Number(m) > 59)) return null;
  if (meridiem?.startsWith("p") && hour < 12) hour += 12;
  if (meridiem?.startsWith("a") && hour === 12) hour = 0;
  return hour * 60 + Number(m ?? 0);
}

/** Parts of the day (3-bit mask) touched by [from, to) minutes. */
function partsBetween(from: number, to: number): number {
  const bounds = [0, 12 * 60, 17 * 60, 24 * 60];
  let parts = 0;
  for (let p = 0; p < 3; p++) if (from < bounds[p + 1]! && to > bounds[p]!) parts |= 1 << p;
  return parts;
}

const partText = (parts: number) =>
  ["morning", "afternoon", "evening"].filter((_, p) => parts & (1 << p)).join(" and ");

/** "9am-12pm" → "morning", "after 6pm" → "evening": clock times become parts of the day. */
function readTimes(text: string): string {
  return text
    .replace(timeRange, (whole, h1, m1, a1, h2, m2, a2) => {
      // "2-4pm": the first time shares the second's pm unless that would put it after the end.
      const guess = !a1 && a2?.startsWith("p") && Number(h1) < Number(h2) ? a2 : a1;
      if (!a1 && !a2 && !m1 && !m2) return whole;
      const from = minutes(h1, m1, guess);
      const to = minutes(h2, m2, a2);
      if (from === null || to === null || to <= from) return whole;
      return ` ${partText(partsBetween(from, to))} `;
    })
    .replace(timeAfter, (whole, _w, h, m, a) => {
      const from = minutes(h, m, a ?? (Number(h) < 8 ? "pm" : undefined));
      return from === null ? whole : ` ${partText(partsBetween(from, 24 * 60))} `;
    })
    .replace(timeBefore, (whole, _w, h, m, a) => {
      const to = minutes(h, m, a);
      return to === null ? whole : ` ${partText(partsBetween(0, to))} `;
    })
    .replace(timeAlone, (whole, h, m, a) => {
      const at = minutes(h, m, a);
      return at === null ? whole : ` ${partText(partsBetween(at, at + 1))} `;
    });
}

interface Group {
  days: number;
  parts: number;
  negative: boolean;
}

export function parseAvailability(text: string | null): number | null {
  return text ? readAvailability(text) : null;
}

const readAvailability = remembered((text: string): number | null => {
  let prepared = readTimes(text.normalize("NFKC").toLowerCase());
  for (const [pattern, replacement] of phrases) prepared = prepared.replace(pattern, replacement);
  const tokens = prepared.match(/[a-z]+|[-–,;.\n]/g) ?? [];

  const groups: Group[] = [];
  let current: Group = { days: 0, parts: 0, negative: false };
  const flush = () => {
    if (current.days || current.parts) groups.push(current);
    current = { days: 0, parts: 0, negative: current.negative };
  };
  let previous = "";
  let rangeFrom = -1;
  for (const raw of tokens) {
    const token = raw === "–" ? "-" : raw;
    const day = dayWords[token];
    if (token === ";" || token === "." || token === "\n") {
      flush();
      current.negative = false;
    } else if (negations.has(token)) {
      flush();
      current.negative = true;
    } else if (day !== undefined) {
      if (rangeFrom >= 0 && rangeWords.has(previous) && day && !(day & (day - 1))) {
        const to = Math.log2(day);
        for (let d = rangeFrom; d !== to; d = (d + 1) % 7) current.days |= 1 << d;
      }
      if (current.parts && (current.days || !prepositions.has(previous))) flush();
      current.days |= day;
      rangeFrom = day & (day - 1) ? -1 : Math.log2(day);
    } else if (partWords[token] !== undefined) {
      current.parts |= partWords[token]!;
    } else if ((token === "am" || token === "pm") && dayWords[previous] !== undefined) {
      current.parts |= token === "am" ? 1 : 2;
    } else if (!rangeWords.has(token) && !prepositions.has(token)) {
      // Other words ("and", "free", "usually") join what is around them.
      if (token !== "and" && token !== "or" && token !== ",") continue;
    }
    if (!(rangeWords.has(token) && rangeFrom >= 0) && day === undefined) rangeFrom = -1;
    previous = token;
  }
  flush();

  let free = 0;
  let taken = 0;
  for (const g of groups) {
    const slots = slotsOf(g.days || allDays, g.parts || allParts);
    if (g.negative) taken |= slots;
    else free |= slots;
  }
  if (!groups.some((g) => !g.negative)) free = groups.length ? wholeWeek : 0;
  const mask = free & ~taken;
  return mask === 0 ? null : mask;
});
