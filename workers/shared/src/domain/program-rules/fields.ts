import * as v from "valibot";

/**
 * Building blocks for the rules and form schemas. Every message starts with the section a
 * coordinator sees on the settings page ("Check-ins: …"), so an error makes sense on its own.
 */

interface WholeNumber {
  /** Names the value for the "not a whole number" message, e.g. "Meetings: the frequency". */
  name: string;
  min: number;
  max: number;
  /** Shown below `min`, in the coordinator's words. */
  low: string;
  /** Shown above `max`. */
  high: string;
}

export function wholeNumber({ name, min, max, low, high }: WholeNumber) {
  const notWhole = `${name} must be a whole number.`;
  return v.pipe(
    v.number(notWhole),
    v.integer(notWhole),
    v.minValue(min, low),
    v.maxValue(max, high),
  );
}

/** Free text shown to members (agreement sections, procedures); blank would show nothing. */
export function prose(name: string, max = 2000) {
  return v.pipe(
    v.string(`${name} must be text.`),
    v.trim(),
    v.nonEmpty(`${name} cannot be empty.`),
    v.maxLength(max, `${name} can be at most ${max} characters.`),
  );
}

/**
 * Question ids key stored answers and reports, so they stay short, stable and URL-safe;
 * the label is what people read and may change freely.
 */
export function questionId(section: string) {
  return v.pipe(
    v.string(`${section}: a question id must be text.`),
    v.regex(
      /^[a-z][a-z0-9_]{0,39}$/,
      `${section}: a question id must start with a letter and use only lowercase letters, ` +
        "digits and underscores (at most 40).",
    ),
  );
}

export function questionLabel(section: string) {
  return v.pipe(
    v.string(`${section}: a question must be text.`),
    v.trim(),
    v.minLength(3, `${section}: a question needs at least 3 characters.`),
    v.maxLength(200, `${section}: a question can be at most 200 characters.`),
  );
}

export function choice<const T extends readonly [string, ...string[]]>(name: string, options: T) {
  return v.picklist(options, `${name} must be one of: ${options.join(", ")}.`);
}

export function yesNo(name: string) {
  return v.boolean(`${name} must be true or false.`);
}

/** "HH:MM" on a 24-hour clock, read in each person's own time zone. */
export function clockTime(name: string) {
  return v.pipe(
    v.string(`${name} must be a time like 21:00.`),
    v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, `${name} must be a time like 21:00.`),
  );
}

/** Minutes after midnight, for comparing clock times. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
