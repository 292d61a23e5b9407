import type { ClientScope } from "../contracts/scopes";
import { type Actor, authorize, isMemberOnly, type Permission, requireMember } from "./actor";

/**
 * Who may call a route. Each route declares one (`allows`, in the API's http/access.ts); the
 * request is checked against it before its input, the OpenAPI document describes it and the
 * security suite's route table must agree with it. Services still authorize per object.
 */
export type Access =
  /** Organization admins; integrations too when `permission` is a scope they hold. */
  | { who: "admins"; permission: Permission }
  /** Every active member; integrations holding `scope`, or none when it is null. */
  | { who: "members"; scope: ClientScope | null };

/** The scope that lets an integration call the route, or null when none may. */
export function integrationScope(access: Access): ClientScope | null {
  if (access.who === "members") return access.scope;
  return isMemberOnly(access.permission) ? null : access.permission;
}

/** Throws 403 unless the actor may call a route declared with `access`. */
export function checkAccess(actor: Actor, access: Access): void {
  if (access.who === "admins") authorize(actor, access.permission);
  else if (actor.kind === "member") return;
  else if (access.scope === null) requireMember(actor);
  else authorize(actor, access.scope);
}

/** Who may call it, in a reader's words (the OpenAPI document shows it). */
export function describeAccess(access: Access): string {
  const scope = integrationScope(access);
  if (access.who === "members" && !scope) {
    return "any signed-in member, for themselves; never an integration.";
  }
  const members = access.who === "admins" ? "organization admins" : "every signed-in member";
  return scope
    ? `${members}; integrations with ${scope}.`
    : `${members}; never an integration, whatever its scopes.`;
}
