import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";
import type * as v from "valibot";
import { AppError } from "../../shared/src/errors";
import { fieldErrors } from "../../shared/src/validate";

/** valibot at the edge of the API: every failure becomes one validation problem. */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(
  target: T,
  schema: S,
) {
  return vValidator(target, schema, (result) => {
    if (result.success) return;
    const errors = fieldErrors(result.issues);
    const detail = errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
    throw new AppError("validation", detail.join(" "), { errors });
  });
}
