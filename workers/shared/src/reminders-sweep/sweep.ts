import type { BatchItem } from "drizzle-orm/batch";
import { dueReminders, type Reminder, type ReminderState } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import type { OrgLinks } from "../platform/links";
import type { Logger } from "../platform/log";
import { describeError } from "../platform/log";
import { createOutbox } from "../platform/outbox";
import { channelsFor, reminderWrites } from "./deliveries";
import { writeProgramReminders } from "./program-reminders";
import { type Contact, contactsById, coordinatorsOf } from "./recipients";
import { type ActiveMatch, activeMatches, readMatchSnapshot } from "./snapshot";
import { webhookReminderPosts } from "./webhooks";

export interface ReminderSweepDeps {
  now: Date;
  sealKey: string;
  log: Logger;
  orgName: string;
  /** The organization's pages in the web client: where each reminder takes its reader. */
  links: OrgLinks;
}

export interface ReminderSweepReport {
  /** Statements written (a reminder's row, email, notification); repeated keys add nothing. */
  written: number;
  /** Matches whose reminders could not be read or written this time. */
  failed: number;
}

/**
 * Every active match's due reminders, on the channels its program uses and each person keeps:
 * a row per reminder and person, its email in the outbox, its in-app notification. All are
 * keyed by the reminder (`reminder:<key>`, one key per coordinator when there are several), so
 * a second or overlapping sweep writes nothing new, and none is shown or sent before its send
 * time, which lies outside the recipient's quiet hours. One match failing is logged and
 * skipped: the others are still reminded, and the next sweep tries it again.
 */
export async function writeDueReminders(
  db: TenantDb,
  deps: ReminderSweepDeps,
): Promise<ReminderSweepReport> {
  const report: ReminderSweepReport = { written: 0, failed: 0 };
  for (const match of await activeMatches(db)) {
    try {
      report.written += await remindMatch(db, deps, match);
    } catch (err) {
      report.failed += 1;
      deps.log.error("reminders.match_failed", { matchId: match.id, error: describeError(err) });
    }
  }
  // Reminders about a program rather than a pair: training still to do, the weekly digest.
  await writeProgramReminders(db, deps, report);
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
  const statements: BatchItem<"sqlite">[] = [];
  for (const reminder of reminders) {
    for (const { to, key } of addressees(reminder, people, coordinators)) {
      const channels = channelsFor(match.program.rules.reminders.channels, to.kept);
      if (channels.length === 0) continue;
      statements.push(
        ...(await reminderWrites(
          db,
          outbox,
          {
            reminder,
            to,
            key,
            channels,
            program: match.program,
            matchId: match.id,
            orgName: deps.orgName,
            links: deps.links,
          },
          deps.now,
        )),
      );
    }
  }
  // Coordinator reminders, once each, to the organization's webhook targets.
  statements.push(
    ...(await webhookReminderPosts(db, outbox, { match, reminders, links: deps.links })),
  );
  if (statements.length > 0) {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  }
  return statements.length;
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
