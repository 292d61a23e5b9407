import type { Tenant } from "../../../../db/control/schema";
import { expireLapsedRequests } from "../../../shared/src/matching-requests";
import type { TenantDb } from "../../../shared/src/platform/db";
import { orgLinks } from "../../../shared/src/platform/links";
import type { SchedulerDeps } from "../sweep";

/** Mentees' requests past their deadline lapse, and each mentee's next choice is asked. */
export async function expireMatchRequests(
  deps: Pick<SchedulerDeps, "now" | "sealKey" | "publicUrl">,
  tenant: Tenant,
  db: TenantDb,
): Promise<number> {
  const links = orgLinks(deps.publicUrl, tenant.slug);
  return expireLapsedRequests(db, {
    now: deps.now(),
    sealKey: deps.sealKey,
    orgName: tenant.name,
    programLink: (id) => links.program(id),
  });
}
