import type { MiddlewareHandler } from "hono";
import type { ClientScope } from "../../../shared/src/contracts/scopes";
import {
  type Access,
  checkAccess,
  describeAccess,
  integrationScope,
} from "../../../shared/src/security/access";
import type { Permission } from "../../../shared/src/security/actor";
import type { AppEnv } from "./app-env";

const declaredAccess = Symbol("declaredAccess");

/** Who may call the route of a handler (as Hono lists it in `app.routes`), if it declares it. */
export function declaredAccessOf(handler: unknown): Access | undefined {
  return (handler as { [declaredAccess]?: Access })[declaredAccess];
}

function declare(access: Access): MiddlewareHandler<AppEnv> {
  // Not async: one promise fewer on every authenticated request. Hono's chain turns the
  // refusal thrown here into the error answer as it would from an async middleware.
  const middleware: MiddlewareHandler<AppEnv> = function allows(c, next) {
    checkAccess(c.get("actor"), access);
    return next();
  };
  return Object.assign(middleware, { [declaredAccess]: access });
}

/**
 * Declares who may call an authenticated route, first among its handlers: the caller is
 * checked before any input is read (403 before 400), the OpenAPI document lists the credentials
 * and the scope it says, and the security suite holds its route table to it.
 */
export const allows = {
  /** Organization admins, and integrations holding `permission` when it is a scope. */
  admins: (permission: Permission) => declare({ who: "admins", permission }),
  /** Every signed-in member; integrations holding `scope`, or none when it is omitted. */
  members: (scope: ClientScope | null = null) => declare({ who: "members", scope }),
};

/** The route's OpenAPI `security` and the sentence that says who may call it. */
export function openApiAccess(access: Access) {
  const scope = integrationScope(access);
  return {
    security: [{ memberToken: [] }, ...(scope ? [{ clientAssertion: [scope] }] : [])],
    description: `Who may call it: ${describeAccess(access)}`,
  };
}
