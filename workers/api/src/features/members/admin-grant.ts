import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MemberRole } from "../../../../shared/src/contracts/members";
import { type Actor, authorize, can } from "../../../../shared/src/security/actor";

/**
 * Checks `members:write`, and `members:admin` too when any of `roles` is admin. An admin may
 * manage API clients, which no integration may: so an integration that could hand out (or
 * take away) the admin role with `members:write` alone could grant itself that power. Admins
 * hold both; an integration holds `members:admin` only when it was registered with it.
 */
export function authorizeRoles(actor: Actor, roles: readonly MemberRole[]): void {
  authorize(actor, "members:write");
  if (roles.includes("admin") && !can(actor, "members:admin")) {
    throw new AppError(
      "forbidden",
      'Inviting an admin or changing who is an admin needs the "members:admin" scope, ' +
        "which this API client lacks.",
    );
  }
}
