import type { HostConfig } from "../../host/config";
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

/** Which address the links use and why: a link to a port nothing listens on is dead. */
export function printLinkBase(io: Io, config: HostConfig): void {
  const url = config.PUBLIC_URL;
  const why = {
    PUBLIC_URL: "from PUBLIC_URL",
    PORT: "from PORT",
    listening: "",
    "running host": "the host running on this DATA_DIR",
    default: "no host is running on this DATA_DIR yet: start it with `npm start`",
  }[config.publicUrlFrom];
  io.out(`links open on ${url}${why ? ` (${why})` : ""}`);
}

/** The link is a secret: printed for the operator alone to pass on if the email goes astray. */
export function printInvitation(
  io: Io,
  invitation: AdminInvitation,
  tenant: { slug: string; name: string },
  first: boolean,
): void {
  const how = invitation.emailed
    ? "was emailed"
    : "could not be emailed yet; the email is retried by the scheduler's next sweeps";
  const as = first ? `the first admin of ${tenant.slug}` : `an admin of ${tenant.slug}`;
  io.out(`invited ${invitation.email} as ${as}; the link (valid 7 days) ${how}:`);
  io.out(invitation.link);
  io.out("");
  io.out(`Next: open the link in a browser, choose your name and a password, and you are`);
  io.out(`signed in as an admin of ${tenant.name}. From the home page, open Programs to`);
  io.out("create the first program, then Members to invite its mentors and mentees.");
}
