import type { MiddlewareHandler } from "hono";
import type * as v from "valibot";

/** What a route answers with one success status: a JSON body of `schema`, or none (null). */
export interface DeclaredAnswer {
  status: number;
  schema: v.GenericSchema | null;
}

const declaredAnswer = Symbol("declaredAnswer");

/** The answer a route handler (as Hono lists it in `app.routes`) declares, if it is one. */
export function declaredAnswerOf(handler: unknown): DeclaredAnswer | undefined {
  return (handler as { [declaredAnswer]?: DeclaredAnswer })[declaredAnswer];
}

/**
 * Declares a route's answer beside its `validate()`: `responds(200, memberPage)` for a JSON
 * body of that contract, `responds(204)` for none. It does nothing at run time; the OpenAPI
 * document (openapi/) describes it and the contract tests hold the route to it. A route that
 * answers more than one success status declares each.
 */
export function responds(status: 202 | 204): MiddlewareHandler;
export function responds(status: 200 | 201 | 207, schema: v.GenericSchema): MiddlewareHandler;
export function responds(status: number, schema: v.GenericSchema | null = null) {
  const answer: DeclaredAnswer = { status, schema };
  // Not async: an async no-op would add a promise and a turn to every request of the route.
  const middleware: MiddlewareHandler = function responds(_c, next) {
    return next();
  };
  return Object.assign(middleware, { [declaredAnswer]: answer });
}
