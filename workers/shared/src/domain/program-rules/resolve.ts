import * as v from "valibot";
import type { FieldError } from "../../contracts/common/errors";
import { fieldErrors } from "../../contracts/common/validate";
import { type ApplicationForm, applicationForm } from "./application-form";
import { type ProgramShape, rulesProblems } from "./checks";
import { type ProgramRules, programRules } from "./rules";

/** Rules as sent (a patch over stored or default rules), merged and checked whole. */

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
  const rules = parsed.output;
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
  v.parse(applicationForm, form);

/** The dates problem of a program, if any: it cannot end before it starts. */
export function datesProblem(shape: ProgramShape): FieldError | null {
  if (shape.startsOn && shape.endsOn && shape.endsOn < shape.startsOn) {
    return { field: "endsOn", message: "endsOn must not be before startsOn." };
  }
  return null;
}
