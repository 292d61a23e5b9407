import * as v from "valibot";
import { AppError, type FieldError } from "./errors";

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({
    field: v.getDotPath(issue) ?? "",
    message: issue.message,
  }));
}

/**
 * The problem's detail: each message as written, for the messages name their field as the
 * form labels it ("Web address must start with https://."). Only valibot's own fallback
 * messages ("Invalid type: …") are prefixed with the field's path, so they still say where.
 */
export function problemDetail(errors: readonly FieldError[]): string {
  return errors
    .map((e) => (e.field && /^Invalid /.test(e.message) ? `${e.field}: ${e.message}` : e.message))
    .join(" ");
}

/** Parses input or throws a validation problem listing every field that is wrong. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const errors = fieldErrors(result.issues);
  throw new AppError("validation", problemDetail(errors), { errors });
}
