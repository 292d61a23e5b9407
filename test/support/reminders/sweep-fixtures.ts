import { like } from "drizzle-orm";
import { reminderLog } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../node-harness";
import { person } from "../pair-fixtures";
import { programsOrg } from "../programs-fixtures";

/** An organization on a test's clock, and what the reminders tests ask of its sweep. */
export interface SweptOrg {
  h: Harness;
  db: TenantDb;
  tenantId: string;
  /** A tick at the clock's time, as the cron sends on the hour: a full sweep. */
  sweep(): Promise<unknown>;
  /** The reminder rows whose key starts with `prefix`. */
  logged(prefix: string): Promise<{ key: string; recipientId: string; text: string }[]>;
  /** The emails that reached the dev mailbox for `email` under `subject`. */
  mailTo(email: string, subject: string): ReturnType<DevMailbox["list"]>;
}

/** People as `[id, name, time zone]`; the zone defaults to UTC. */
export type People = readonly (readonly [string, string, string?])[];

export async function sweptOrg(
  slug: string,
  clock: { now: Date },
  people: People,
): Promise<SweptOrg> {
  const h = await startHarness({ now: () => clock.now });
  const { db } = await programsOrg(h, slug);
  const tenantId = (await findTenantBySlug(h.platform.control, slug)).id;
  for (const [id, name, timeZone] of people) await person(h, db, slug, id, name, timeZone ?? "UTC");
  return {
    h,
    db,
    tenantId,
    sweep: () => sweepTenant(h.platform, { tenantId, tick: clock.now.toISOString() }),
    logged: (prefix) =>
      db
        .select({
          key: reminderLog.key,
          recipientId: reminderLog.recipientId,
          text: reminderLog.text,
        })
        .from(reminderLog)
        .where(like(reminderLog.key, `${prefix}%`)),
    mailTo: (email, subject) =>
      (h.platform.mail as DevMailbox).list({ to: email }).filter((m) => m.subject === subject),
  };
}
