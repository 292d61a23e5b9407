import { inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { reminderLog } from "../../../../db/tenant/schema";
import type { Reminder } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import type { OrgLinks } from "../platform/links";
import type { Logger } from "../platform/log";
import { createOutbox } from "../platform/outbox";
import { channelsFor, reminderWrites } from "./deliveries";
import { type Contact, contactsById } from "./recipients";
import type { ActiveMatch } from "./snapshot";

/** What writing a reminder needs to know of the sweep. */
export interface SweepContext {
  now: Date;
  sealKey: string;
  orgName: string;
  links: OrgLinks;
}

/** What a tenant's reminders sweep is given. */
export interface ReminderSweepDeps extends SweepContext {
  log: Logger;
  /** Every active match (the hourly sweep), or only those whose next reminder has come. */
  full: boolean;
}

export interface ReminderSweepReport {
  /** Matches (and pending requests) the engine looked at. */
  evaluated: number;
  /** Statements written (a reminder's row, email, notification); repeated keys add nothing. */
  written: number;
  /** Matches whose reminders could not be read or written this time. */
  failed: number;
  /** The earliest moment a reminder falls due next, or null when none ever will. */
  nextDueAt: Date | null;
}

/** A reminder for one person under its key; `to` is known already for a coordinator. */
export interface Addressed {
  reminder: Reminder;
  key: string;
  to: Contact | null;
}

/** Each reminder under the key of each person it goes to (one per coordinator). */
export function addressed(
  reminders: readonly Reminder[],
  coordinators: readonly Contact[],
): Addressed[] {
  return reminders.flatMap((reminder): Addressed[] =>
    reminder.recipientId === "coordinators"
      ? coordinators.map((to) => ({ reminder, key: `${reminder.key}:${to.id}`, to }))
      : [{ reminder, key: reminder.key, to: null }],
  );
}

/**
 * The statements that deliver reminders to their recipients once: the caller passes only
 * those whose keys are not in the reminders table yet (`knownKeys`). A reminder still due at
 * the next sweep is due again until its moment passes; writing it again would add nothing (every
 * row is keyed), and skipping it keeps a repeated sweep free of writes, seals and sends.
 */
export async function deliveriesOf(
  db: TenantDb,
  deps: SweepContext,
  fresh: readonly Addressed[],
  about: { program: ActiveMatch["program"]; matchId: string | null },
): Promise<BatchItem<"sqlite">[]> {
  if (fresh.length === 0) return [];
  const people = await contactsById(
    db,
    fresh.flatMap((k) => (k.to ? [] : [k.reminder.recipientId])),
  );
  const outbox = createOutbox({ db, now: deps.now, sealKey: deps.sealKey });
  const statements: BatchItem<"sqlite">[] = [];
  for (const { reminder, key, to: coordinator } of fresh) {
    const to = coordinator ?? people.get(reminder.recipientId);
    if (!to) continue;
    const channels = channelsFor(about.program.rules.reminders.channels, to.kept);
    if (channels.length === 0) continue;
    const { orgName, links } = deps;
    const delivery = { reminder, to, key, channels, ...about, orgName, links };
    statements.push(...(await reminderWrites(db, outbox, delivery, deps.now)));
  }
  return statements;
}

/** Which of these reminder keys have been written before. */
export async function knownKeys(db: TenantDb, keys: readonly string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += 200) {
    const rows = await db
      .select({ key: reminderLog.key })
      .from(reminderLog)
      .where(inArray(reminderLog.key, keys.slice(i, i + 200)));
    for (const row of rows) known.add(row.key);
  }
  return known;
}

/** The earliest of some moments, ignoring the missing ones; null when none is given. */
export function earliest(...moments: (Date | null | undefined)[]): Date | null {
  let first: Date | null = null;
  for (const m of moments) if (m && (!first || m < first)) first = m;
  return first;
}
