import type { Tenant } from "../../../../db/control/schema";
import type { TenantDb } from "../../../shared/src/platform/db";
import { orgLinks } from "../../../shared/src/platform/links";
import { type ReminderSweepReport, writeDueReminders } from "../../../shared/src/reminders-sweep";
import type { SchedulerDeps } from "../sweep";

/**
 * The reminders due on the sweep's clock (every active match's when `full`, else the due
 * ones'): their rows, emails and notifications, and when the next falls due.
 */
export function sendDueReminders(
  deps: Pick<SchedulerDeps, "now" | "sealKey" | "publicUrl" | "log">,
  tenant: Tenant,
  db: TenantDb,
  full: boolean,
): Promise<ReminderSweepReport> {
  return writeDueReminders(db, {
    now: deps.now(),
    sealKey: deps.sealKey,
    log: deps.log,
    orgName: tenant.name,
    links: orgLinks(deps.publicUrl, tenant.slug),
    full,
  });
}
