import { AppError } from "../contracts/common/errors";
import type { ClientScope } from "../contracts/scopes";

/**
 * Permissions no integration can hold, with what a refused integration is told: no scope would
 * help, so none is named. Managing integrations themselves, and the outbox, whose rows name
 * every address the organization emails; coordinators' tasks, which reveal what people
 * asked of a coordinator in a check-in; the support log, coordinators' notes on pairs; and a
 * program's reminders, which span every pair's to-dos and the organization's failed emails.
 */
const memberOnly = {
  "clients:manage":
    "Integrations cannot manage API clients: an organization admin registers, rotates and " +
    "revokes them while signed in.",
  "outbox:manage":
    "Integrations cannot see or retry the organization's email deliveries: its admins do, " +
    "while signed in.",
  "webhooks:manage":
    "Integrations cannot manage webhook targets: their URLs and secrets post in the " +
    "organization's name, so its admins add and remove them while signed in.",
  "coordinator-tasks:manage":
    "Integrations cannot see coordinators' tasks: they come from check-in answers, which only " +
    "the person who answered and the organization's admins read.",
  "concerns:manage":
    "Integrations cannot handle concerns: the organization's admins acknowledge them, note " +
    "what they did and resolve them while signed in.",
  "reminders:manage":
    "Integrations cannot see or retry a program's reminders: they tell what each pair has yet " +
    "to do and which emails failed, which its coordinators read while signed in.",
  "support:manage":
    "Integrations cannot read or write the support log: coordinators' notes on their contacts " +
    "with pairs stay with the organization's admins.",
} as const;
export type Permission = ClientScope | keyof typeof memberOnly;

export function isMemberOnly(permission: Permission): permission is keyof typeof memberOnly {
  return Object.hasOwn(memberOnly, permission);
}

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
  return !isMemberOnly(permission) && actor.scopes.includes(permission);
}

/** Throws 403 unless the actor holds the permission. Services call it before any read or write. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    if (actor.kind === "member") {
      throw new AppError("forbidden", "Only organization admins may do this.");
    }
    throw new AppError(
      "forbidden",
      isMemberOnly(permission)
        ? memberOnly[permission]
        : `This API client lacks the "${permission}" scope.`,
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
