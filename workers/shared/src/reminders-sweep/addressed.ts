import type { BatchItem } from "drizzle-orm/batch";
import type { Reminder } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import type { OrgLinks } from "../platform/links";
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

/** The statements that deliver `reminders` to each of their recipients once. */
export async function deliveriesOf(
  db: TenantDb,
  deps: SweepContext,
  reminders: readonly Reminder[],
  coordinators: readonly Contact[],
  about: { program: ActiveMatch["program"]; matchId: string | null },
): Promise<BatchItem<"sqlite">[]> {
  if (reminders.length === 0) return [];
  const people = await contactsById(
    db,
    reminders.map((r) => r.recipientId).filter((id) => id !== "coordinators"),
  );
  const outbox = createOutbox({ db, now: deps.now, sealKey: deps.sealKey });
  const statements: BatchItem<"sqlite">[] = [];
  for (const reminder of reminders) {
    for (const { to, key } of addressees(reminder, people, coordinators)) {
      const channels = channelsFor(about.program.rules.reminders.channels, to.kept);
      if (channels.length === 0) continue;
      const { orgName, links } = deps;
      const delivery = { reminder, to, key, channels, ...about, orgName, links };
      statements.push(...(await reminderWrites(db, outbox, delivery, deps.now)));
    }
  }
  return statements;
}

function addressees(
  reminder: Reminder,
  people: ReadonlyMap<string, Contact>,
  coordinators: readonly Contact[],
): { to: Contact; key: string }[] {
  if (reminder.recipientId !== "coordinators") {
    const to = people.get(reminder.recipientId);
    return to ? [{ to, key: reminder.key }] : [];
  }
  return coordinators.map((to) => ({ to, key: `${reminder.key}:${to.id}` }));
}

/** The earliest of some moments, ignoring the missing ones; null when none is given. */
export function earliest(...moments: (Date | null | undefined)[]): Date | null {
  let first: Date | null = null;
  for (const m of moments) if (m && (!first || m < first)) first = m;
  return first;
}
