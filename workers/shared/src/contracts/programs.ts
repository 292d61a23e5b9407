import * as v from "valibot";
import {
  type ApplicationForm,
  applicationForm,
  type ProgramRules,
  type ProgramShape,
  programRules,
  rulesProblems,
} from "../domain/program-rules";
import type { FieldError } from "./errors";
import { fieldErrors } from "./validate";

/** Program payloads, shared by the API and the web client so both judge a form alike. */

export const programStatuses = ["draft", "open", "running", "closed"] as const;
export type ProgramStatus = (typeof programStatuses)[number];

export const programStatus = v.picklist(
  programStatuses,
  'status must be "draft", "open", "running" or "closed".',
);

/** The lifecycle: a program moves only along these edges. */
export const statusTransitions: Record<ProgramStatus, readonly ProgramStatus[]> = {
  draft: ["open", "closed"],
  open: ["running", "draft", "closed"],
  running: ["closed"],
  closed: [],
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Runs even when the pattern failed (valibot checks on), so it must not throw then. */
const realDate = (text: string) => {
  if (!datePattern.test(text)) return true;
  const [y, m, d] = text.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toISOString().slice(0, 10) === text;
};

/** A calendar date, YYYY-MM-DD; null clears it where a change allows that. */
const isoDate = (field: string) =>
  v.pipe(
    v.string(`${field} must be a date (YYYY-MM-DD).`),
    v.regex(datePattern, `${field} must be a date (YYYY-MM-DD).`),
    v.check(realDate, `${field} is not a real calendar date.`),
  );

const programName = v.pipe(
  v.string("name must be text."),
  v.trim(),
  v.nonEmpty("name is required."),
  v.maxLength(120, "name must be at most 120 characters."),
  v.regex(/^[^\p{Cc}]*$/u, "name may not contain control characters."),
);

const text = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be text.`),
    v.trim(),
    v.maxLength(max, `${field} must be at most ${max} characters.`),
  );

const relationshipLengthDays = v.pipe(
  v.number("relationshipLengthDays must be a number of days."),
  v.integer("relationshipLengthDays must be a whole number of days."),
  v.minValue(7, "relationshipLengthDays must be at least 7."),
  v.maxValue(1095, "relationshipLengthDays must be at most 1095 (three years)."),
);

const programId = (field: string) =>
  v.pipe(v.string(`${field} must be a program id.`), v.maxLength(100, `${field} is too long.`));

/** Rules as sent: an object, possibly partial; checked in full once merged (resolveRules). */
export const rulesPatch = v.custom<Record<string, unknown>>(
  (x) => typeof x === "object" && x !== null && !Array.isArray(x),
  "rules must be an object.",
);

export const programCreateInput = v.object({
  name: programName,
  description: v.optional(text("description", 4000)),
  audience: v.optional(text("audience", 500)),
  templateKey: v.optional(v.pipe(v.string("templateKey must be text."), v.maxLength(100))),
  copyFrom: v.optional(programId("copyFrom")),
  startsOn: v.optional(isoDate("startsOn")),
  endsOn: v.optional(isoDate("endsOn")),
  relationshipLengthDays: v.optional(relationshipLengthDays),
  rules: v.optional(rulesPatch),
  applicationForm: v.optional(applicationForm),
});
export type ProgramCreateInput = v.InferOutput<typeof programCreateInput>;

export const programUpdateInput = v.object({
  name: v.optional(programName),
  description: v.optional(text("description", 4000)),
  audience: v.optional(text("audience", 500)),
  startsOn: v.optional(v.nullable(isoDate("startsOn"))),
  endsOn: v.optional(v.nullable(isoDate("endsOn"))),
  relationshipLengthDays: v.optional(v.nullable(relationshipLengthDays)),
  applicationForm: v.optional(applicationForm),
});
export type ProgramUpdateInput = v.InferOutput<typeof programUpdateInput>;

export const rulesChangeInput = v.object({
  rules: rulesPatch,
  expectedVersion: v.pipe(
    v.number("expectedVersion must be the rulesVersion you edited."),
    v.integer("expectedVersion must be a whole number."),
    v.minValue(1, "expectedVersion must be at least 1."),
  ),
});

export const rulesPreviewInput = v.object({ rules: rulesPatch });
export const statusChangeInput = v.object({ status: programStatus });
export const programCopyInput = v.object({ name: programName });

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** `patch` over `base`: objects merge key by key, anything else (lists too) replaces. */
export function mergeRules(base: unknown, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    merged[key] = isPlainObject(value) ? mergeRules(merged[key], value) : value;
  }
  return merged;
}

export type RulesCheck =
  | { valid: true; rules: ProgramRules; errors: [] }
  | { valid: false; rules: null; errors: FieldError[] };

/**
 * Merges a rules patch over `base`, parses the result and checks it against the program's
 * dates and form. Field errors name `rules.…` paths, contradictions included.
 */
export function resolveRules(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
  shape: ProgramShape,
): RulesCheck {
  const parsed = v.safeParse(programRules, mergeRules(base, patch));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.issues).map((e) => ({
      field: e.field ? `rules.${e.field}` : "rules",
      message: e.message,
    }));
    return { valid: false, rules: null, errors };
  }
  const rules = parsed.output as ProgramRules;
  const problems = rulesProblems(rules, shape).map((e) => ({
    field: e.field ? `rules.${e.field}` : "rules",
    message: e.message,
  }));
  return problems.length > 0
    ? { valid: false, rules: null, errors: problems }
    : { valid: true, rules, errors: [] };
}

/** An application form as stored: parsed, so defaults are filled in. */
export const parseApplicationForm = (form: unknown): ApplicationForm =>
  v.parse(applicationForm, form) as ApplicationForm;

/** The dates problem of a program, if any: it cannot end before it starts. */
export function datesProblem(shape: ProgramShape): FieldError | null {
  if (shape.startsOn && shape.endsOn && shape.endsOn < shape.startsOn) {
    return { field: "endsOn", message: "endsOn must not be before startsOn." };
  }
  return null;
}
