import { AppError } from "../contracts/common/errors";
import type { ClientScope } from "../contracts/scopes";

/**
 * Permissions no integration can hold: managing integrations themselves, and the outbox,
 * whose rows name every address the organization emails.
 */
const memberOnly = ["clients:manage", "outbox:manage"] as const;
export type Permission = ClientScope | (typeof memberOnly)[number];

export type Actor =
  | {
      kind: "member";
      memberId: string;
      role: "admin" | "member";
      /** The sign-in (refresh-token family) behind the access token, when the token names one. */
      sessionId?: string | undefined;
    }
  | { kind: "client"; clientId: string; scopes: readonly string[] };

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === "member") return actor.role === "admin";
  return (
    !(memberOnly as readonly string[]).includes(permission) && actor.scopes.includes(permission)
  );
}

/** Throws 403 unless the actor holds the permission. Services call it before any read or write. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError(
      "forbidden",
      actor.kind === "client"
        ? `This API client lacks the "${permission}" scope.`
        : "Only organization admins may do this.",
    );
  }
}

/** The member behind a request, or 403 for integrations on member-only routes. */
export function requireMember(actor: Actor): Extract<Actor, { kind: "member" }> {
  if (actor.kind !== "member") {
    throw new AppError("forbidden", "This route is for signed-in members, not API clients.");
  }
  return actor;
}

/** How an actor is written into the audit log. */
export function auditActor(actor: Actor): { actorType: "member" | "client"; actorId: string } {
  return actor.kind === "member"
    ? { actorType: "member", actorId: actor.memberId }
    : { actorType: "client", actorId: actor.clientId };
}
