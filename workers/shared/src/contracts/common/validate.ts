import * as v from "valibot";
import { AppError, type FieldError } from "./errors";

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({
    field: v.getDotPath(issue) ?? "",
    message: issue.message,
  }));
}

/** Parses input or throws a validation problem listing every field that is wrong. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const errors = fieldErrors(result.issues);
  const detail = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join(" ");
  throw new AppError("validation", detail, { errors });
}
