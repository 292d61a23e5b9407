import { findTargetHandler } from "hono/utils/handler";
import type { Access } from "../../../shared/src/security/access";
import { declaredAccessOf } from "./access";
import { type DeclaredAnswer, declaredAnswerOf } from "./responds";
import { type ValidatedInput, validatedInputOf } from "./validator";

/** One route of the app with what its `allows`, `validate()` and `responds()` declare. */
export interface RouteContract {
  method: string;
  /** Hono's form, `/v1/members/:id`. */
  path: string;
  inputs: ValidatedInput[];
  answers: DeclaredAnswer[];
  /** Who may call it, for authenticated routes (`allows`). */
  access?: Access;
}

type Routes = readonly { method: string; path: string; handler: unknown }[];

/**
 * Every route of the app, in registration order. Hono lists a route's own middleware and its
 * handler separately, each under the route's method and path, and wraps those of mounted
 * sub-apps; the declarations are read from the handlers inside.
 */
export function routeContracts(routes: Routes): RouteContract[] {
  const byKey = new Map<string, RouteContract>();
  for (const route of routes) {
    // Middleware: `use` registers ALL, the body limit registers "/*" for each method.
    if (route.method === "ALL" || route.path === "/*") continue;
    const key = `${route.method} ${route.path}`;
    let contract = byKey.get(key);
    if (!contract) {
      contract = { method: route.method, path: route.path, inputs: [], answers: [] };
      byKey.set(key, contract);
    }
    const handler = findTargetHandler(route.handler as never);
    const input = validatedInputOf(handler);
    if (input) contract.inputs.push(input);
    const answer = declaredAnswerOf(handler);
    if (answer) contract.answers.push(answer);
    const access = declaredAccessOf(handler);
    if (access) contract.access = access;
  }
  return [...byKey.values()];
}
