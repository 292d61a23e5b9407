import { dueReminders, type Reminder, type ReminderState } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import type { Logger } from "../platform/log";
import { describeError } from "../platform/log";
import { createOutbox, type OutboxInsert } from "../platform/outbox";
import { reminderEmail } from "./emails";
import { type Contact, contactsById, coordinatorsOf } from "./recipients";
import { type ActiveMatch, activeMatches, readMatchSnapshot } from "./snapshot";

export interface ReminderSweepDeps {
  now: Date;
  sealKey: string;
  log: Logger;
  orgName: string;
  /** The program's page in the web client. */
  programLink: (programId: string) => string;
}

export interface ReminderSweepReport {
  /** Outbox rows built (rows whose key was seen before are dropped by the outbox). */
  written: number;
  /** Matches whose reminders could not be read or written this time. */
  failed: number;
}

/**
 * Every active match's due reminders as outbox emails, for programs that remind by email.
 * Each email is keyed `reminder:<key>` (one key per coordinator when there are several), so
 * a second or overlapping sweep writes nothing new, and it is not delivered before its send
 * time, which lies outside the recipient's quiet hours. One match failing is logged and
 * skipped: the others are still reminded, and the next sweep tries it again.
 */
export async function writeDueReminders(
  db: TenantDb,
  deps: ReminderSweepDeps,
): Promise<ReminderSweepReport> {
  const report: ReminderSweepReport = { written: 0, failed: 0 };
  for (const match of await activeMatches(db)) {
    if (!(match.program.rules.reminders.channels ?? []).includes("email")) continue;
    try {
      report.written += await remindMatch(db, deps, match);
    } catch (err) {
      report.failed += 1;
      deps.log.error("reminders.match_failed", { matchId: match.id, error: describeError(err) });
    }
  }
  return report;
}

async function remindMatch(db: TenantDb, deps: ReminderSweepDeps, match: ActiveMatch) {
  const coordinators = await coordinatorsOf(db, match.program.id);
  const state: ReminderState = {
    rules: match.program.rules,
    coordinatorTimeZone: coordinators[0]?.timeZone ?? "UTC",
    match: await readMatchSnapshot(db, match, deps.now),
    mentorRequest: null,
  };
  const reminders = dueReminders(state, deps.now);
  if (reminders.length === 0) return 0;
  const people = await contactsById(
    db,
    reminders.map((r) => r.recipientId).filter((id) => id !== "coordinators"),
  );
  const outbox = createOutbox({ db, now: deps.now, sealKey: deps.sealKey });
  const inserts: OutboxInsert[] = [];
  for (const reminder of reminders) {
    for (const { to, key } of addressees(reminder, people, coordinators)) {
      const message = reminderEmail({
        reminder,
        to,
        orgName: deps.orgName,
        programName: match.program.name,
        link: deps.programLink(match.program.id),
      });
      inserts.push(...(await outbox.email(message, key, { notBefore: reminder.sendAt })));
    }
  }
  if (inserts.length > 0) await db.batch(inserts as [OutboxInsert, ...OutboxInsert[]]);
  return inserts.length;
}

function addressees(
  reminder: Reminder,
  people: ReadonlyMap<string, Contact>,
  coordinators: readonly Contact[],
): { to: Contact; key: string }[] {
  const key = `reminder:${reminder.key}`;
  if (reminder.recipientId !== "coordinators") {
    const to = people.get(reminder.recipientId);
    return to ? [{ to, key }] : [];
  }
  return coordinators.map((to) => ({ to, key: `${key}:${to.id}` }));
}
