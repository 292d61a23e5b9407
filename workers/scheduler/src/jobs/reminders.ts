import type { Tenant } from "../../../../db/control/schema";
import type { TenantDb } from "../../../shared/src/platform/db";
import { orgLinks } from "../../../shared/src/platform/links";
import { type ReminderSweepReport, writeDueReminders } from "../../../shared/src/reminders-sweep";
import type { SchedulerDeps } from "../sweep";

/** The reminders due on the sweep's clock: their rows, emails and notifications. */
export function sendDueReminders(
  deps: Pick<SchedulerDeps, "now" | "sealKey" | "publicUrl" | "log">,
  tenant: Tenant,
  db: TenantDb,
): Promise<ReminderSweepReport> {
  return writeDueReminders(db, {
    now: deps.now(),
    sealKey: deps.sealKey,
    log: deps.log,
    orgName: tenant.name,
    links: orgLinks(deps.publicUrl, tenant.slug),
  });
}
