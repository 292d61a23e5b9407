import { vValidator } from "@hono/valibot-validator";
import type { ValidationTargets } from "hono";
import { every } from "hono/combine";
import type * as v from "valibot";
import { AppError } from "../../../shared/src/contracts/common/errors";
import { fieldErrors, problemDetail } from "../../../shared/src/contracts/common/validate";
import { jsonObjectBody } from "./json-body";

/** What a `validate()` middleware checks, for the OpenAPI document (openapi.ts). */
export interface ValidatedInput {
  target: keyof ValidationTargets;
  schema: v.GenericSchema;
}

const validatedInput = Symbol("validatedInput");

/** The input a route handler (as Hono lists it in `app.routes`) validates, if it is one. */
export function validatedInputOf(handler: unknown): ValidatedInput | undefined {
  return (handler as { [validatedInput]?: ValidatedInput })[validatedInput];
}

/**
 * valibot at the edge of the API: every failure becomes one validation problem. The middleware
 * carries its target and schema, so the OpenAPI document describes every validated input.
 */
export function validate<T extends keyof ValidationTargets, S extends v.GenericSchema>(
  target: T,
  schema: S,
) {
  const validator = vValidator(target, schema, (result) => {
    if (result.success) return;
    const errors = fieldErrors(result.issues);
    throw new AppError("validation", problemDetail(errors), { errors });
  });
  const middleware = target === "json" ? every(jsonObjectBody, validator) : validator;
  const input: ValidatedInput = { target, schema };
  return Object.assign(middleware, { [validatedInput]: input }) as typeof validator;
}
