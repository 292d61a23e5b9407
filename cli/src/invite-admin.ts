import type { NodePlatform } from "../../host/platform";
import { inviteFirstAdmin } from "../../workers/api/src/features/members/invitations";
import { deliverTenant } from "../../workers/scheduler/src/sweep";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import type { Io } from "./commands";

export interface AdminInvitation {
  email: string;
  link: string;
  /** Whether the email went out now; if not, it waits in the outbox for the next sweep. */
  emailed: boolean;
}

/** Invites, then delivers the tenant's outbox at once: the CLI is its own deliverer. */
export async function inviteAdmin(
  platform: NodePlatform,
  operator: string,
  slug: string,
  email: string,
): Promise<AdminInvitation> {
  const tenant = await findTenantBySlug(platform.control, slug);
  const invitation = await inviteFirstAdmin({
    platform,
    tenant,
    email,
    now: platform.now(),
    operator,
  });
  const report = await deliverTenant(platform, tenant.id);
  const emailed = report !== "skipped" && report.sent > 0 && report.retrying + report.dead === 0;
  return { ...invitation, emailed };
}

/** The link is a secret: printed for the operator alone to pass on if the email goes astray. */
export function printInvitation(io: Io, invitation: AdminInvitation): void {
  const how = invitation.emailed
    ? "was emailed"
    : "could not be emailed yet; the email is retried by the scheduler's next sweeps";
  io.out(`invited ${invitation.email} as the first admin; the link (valid 7 days) ${how}:`);
  io.out(invitation.link);
}
