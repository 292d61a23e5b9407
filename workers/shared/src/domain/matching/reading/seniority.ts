import { remembered } from "../../remembered";

/**
 * Seniority is free text ("Senior engineer", "Year 3", "5 years", "PhD student"): read it
 * onto one ladder of steps so a mentor and a mentee can be compared. Companies and
 * universities share the ladder; within one program people come from the same world, so only
 * the order within each world matters:
 *
 *   0 intern, trainee, first year        5 principal, manager, postdoc, 12–15 years
 *   1 junior, associate, 1–2 years       6 director, senior manager, lecturer, 16–20 years
 *   2 mid-level, year 3, 3–4 years       7 VP, head of, professor, more than 20 years
 *   3 senior, final year, 5–7 years      8 chief (CEO, CTO…)
 *   4 staff, lead, PhD, 8–11 years
 *
 * When a text names several things ("PhD, year 2"), the highest step counts.
 */

const titles: [RegExp, number][] = [
  [/\b(interns?|internship|trainee|apprentice|freshman|freshmen|fresher)\b/, 0],
  [/\b(junior|jr|entry|associate|sophomore|undergrad(uate)?|new grad)\b/, 1],
  [/\b(mid|midlevel|intermediate|experienced)\b/, 2],
  [/\b(senior|sr|masters?|msc|mba|ma|postgrad(uate)?)\b/, 3],
  [/\b(staff|lead|phd|doctoral|doctorate|dphil)\b/, 4],
  [/\b(principal|manager|post ?doc(toral)?|researcher|architect)\b/, 5],
  [/\b(director|lecturer|assistant professor)\b/, 6],
  [/\b(vp|svp|evp|vice president|head|(?<!assistant )professor|partner)\b/, 7],
  [/\b(chief|ceo|cto|cfo|coo|cio|ciso|cpo|founder)\b/, 8],
];

const numberWords: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  final: 4,
  last: 4,
};
const number = String.raw`(\d{1,2}|${Object.keys(numberWords).join("|")})`;
/** "Year 3", "3rd year", "third-year": a year of study. */
const studyYear = new RegExp(
  String.raw`\byear\s*${number}\b|\b${number}(?:st|nd|rd|th)?\s*year\b(?!s)`,
);
/** "5 years", "5+ yrs", "ten years of experience": years of experience. */
const experience = new RegExp(
  String.raw`\b${number}\s*\+?\s*(?:years|yrs|yr|year(?=\s*(?:of\s*)?(?:experience|exp)\b))\b`,
);

function count(text: string): number {
  return numberWords[text] ?? Number(text);
}

function experienceStep(years: number): number {
  const bounds = [1, 3, 5, 8, 12, 16, 21];
  const step = bounds.findIndex((b) => years < b);
  return step === -1 ? bounds.length : step;
}

/** The step on the ladder, or null when the text names nothing this recognises. */
export function seniorityStep(text: string | null): number | null {
  return text ? readStep(text) : null;
}

const readStep = remembered((text: string): number | null => {
  const lower = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[-_/.,()]+/g, " ");
  let step: number | null = null;
  const raise = (n: number) => {
    step = step === null ? n : Math.max(step, n);
  };
  for (const [pattern, n] of titles) if (pattern.test(lower)) raise(n);
  // "Senior manager" sits above "manager", "senior director" above "director".
  if (step !== null && step >= 4 && /\b(senior|sr)\b/.test(lower)) raise(Math.min(8, step + 1));
  const years = experience.exec(lower);
  if (years) raise(experienceStep(count(years[1]!)));
  else {
    const year = studyYear.exec(lower);
    if (year) raise(Math.min(3, count((year[1] ?? year[2])!) - 1));
  }
  return step;
});

/**
 * Mentor above mentee is what mentoring wants: one or two steps best, a bigger gap still good
 * but a little less (the mentor may be too far from the mentee's day-to-day); peers are a
 * weak match; a mentor below the mentee is none.
 */
export function seniorityValue(mentorStep: number, menteeStep: number): number {
  const gap = mentorStep - menteeStep;
  if (gap < 0) return 0;
  if (gap === 0) return 0.3;
  if (gap <= 2) return 1;
  return gap <= 4 ? 0.9 : 0.8;
}
