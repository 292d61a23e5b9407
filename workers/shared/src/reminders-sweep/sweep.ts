import { eq, min } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { matches } from "../../../../db/tenant/schema";
import { dueAndNext, type MatchSnapshot, type ReminderState } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import { describeError } from "../platform/log";
import { createOutbox } from "../platform/outbox";
import {
  type Addressed,
  addressed,
  deliveriesOf,
  earliest,
  knownKeys,
  type ReminderSweepDeps,
  type ReminderSweepReport,
} from "./addressed";
import { writeProgramReminders } from "./program-reminders";
import { type Contact, coordinatorsFor } from "./recipients";
import { remindPendingRequests } from "./requests";
import { type ActiveMatch, activeMatches, readMatchSnapshots } from "./snapshot";
import { webhookReminderPosts } from "./webhooks";

/**
 * What `matches.next_reminder_at` holds for a match nothing will ever be due for (as things
 * stand): the latest moment a date can name, so null keeps meaning "not worked out yet" and
 * the index still sorts it last. The hourly full sweep looks at such a match again.
 */
export const neverDue = new Date(8_640_000_000_000_000);

/** A match that failed is looked at again this long after (or by the next full sweep). */
const retryFailedAfterMs = 60 * 60 * 1000;

/** Matches per read: each id is one bound variable in every IN list. */
const chunkSize = 200;

/**
 * The due reminders of active matches (all of them, or those due) and of mentees' pending
 * requests: a row per reminder and person, its email in the outbox, its in-app notification,
 * on the channels the program uses and each person keeps. All are keyed by the reminder, so a
 * second or overlapping sweep writes nothing new. Each match's next due moment is written in
 * the same batch as its reminders: the reminder rows and the state they came from commit
 * together. One match failing is logged and skipped; the others are still reminded.
 */
export async function writeDueReminders(
  db: TenantDb,
  deps: ReminderSweepDeps,
): Promise<ReminderSweepReport> {
  const report: ReminderSweepReport = { evaluated: 0, written: 0, failed: 0, nextDueAt: null };
  const coordinators = coordinatorsFor(db);
  const due = await activeMatches(db, deps);
  for (let i = 0; i < due.length; i += chunkSize) {
    await remindChunk(db, deps, due.slice(i, i + chunkSize), coordinators, report);
  }
  const requests = await remindPendingRequests(db, deps, coordinators);
  report.evaluated += requests.evaluated;
  report.written += requests.written;
  report.failed += requests.failed;
  report.nextDueAt = earliest(await earliestMatchReminder(db), requests.nextDueAt);
  // Reminders about a program rather than a pair (training still to do, the weekly digest)
  // move by the day: the hourly full sweep writes them.
  if (deps.full) await writeProgramReminders(db, deps, report);
  return report;
}

/** A match the engine has looked at: its due reminders, addressed, and its next due moment. */
interface Evaluated {
  match: ActiveMatch;
  next: Date;
  reminders: Addressed[];
}

/**
 * A few matches: their snapshots read together, each evaluated, the keys already written
 * looked up together, then each match's new reminders written in one batch with its next due
 * moment. Moments that changed without reminders are written together at the end.
 */
async function remindChunk(
  db: TenantDb,
  deps: ReminderSweepDeps,
  chunk: readonly ActiveMatch[],
  coordinatorsOf: (programId: string) => Promise<Contact[]>,
  report: ReminderSweepReport,
) {
  const snapshots = await readMatchSnapshots(db, chunk, deps.now);
  const updates: BatchItem<"sqlite">[] = [];
  const failed = (matchId: string, err: unknown) => {
    report.failed += 1;
    deps.log.error("reminders.match_failed", { matchId, error: describeError(err) });
    updates.push(setNextReminder(db, matchId, new Date(deps.now.getTime() + retryFailedAfterMs)));
  };
  const evaluated: Evaluated[] = [];
  for (const match of chunk) {
    report.evaluated += 1;
    try {
      evaluated.push(await evaluate(match, snapshots.get(match.id), coordinatorsOf, deps.now));
    } catch (err) {
      failed(match.id, err);
    }
  }
  const known = await knownKeys(
    db,
    evaluated.flatMap((e) => e.reminders.map((r) => r.key)),
  );
  for (const { match, next, reminders } of evaluated) {
    try {
      const update = setNextReminder(db, match.id, next);
      const fresh = reminders.filter((r) => !known.has(r.key));
      const about = { program: match.program, matchId: match.id };
      const statements = await deliveriesOf(db, deps, fresh, about);
      // Coordinator reminders, once each, to the organization's webhook targets.
      const outbox = createOutbox({ db, now: deps.now, sealKey: deps.sealKey });
      const once = [...new Set(fresh.map((r) => r.reminder))];
      statements.push(
        ...(await webhookReminderPosts(db, outbox, { match, reminders: once, links: deps.links })),
      );
      if (statements.length > 0) {
        await db.batch([update, ...statements]);
        report.written += statements.length;
      } else if (next.getTime() !== match.nextReminderAt?.getTime()) {
        updates.push(update);
      }
    } catch (err) {
      failed(match.id, err);
    }
  }
  if (updates.length > 0) await db.batch([updates[0]!, ...updates.slice(1)]);
}

async function evaluate(
  match: ActiveMatch,
  snapshot: MatchSnapshot | Error | undefined,
  coordinatorsOf: (programId: string) => Promise<Contact[]>,
  now: Date,
): Promise<Evaluated> {
  if (!snapshot || snapshot instanceof Error) throw snapshot ?? new Error("No snapshot.");
  const coordinators = await coordinatorsOf(match.program.id);
  const state: ReminderState = {
    rules: match.program.rules,
    coordinatorTimeZone: coordinators[0]?.timeZone ?? "UTC",
    match: snapshot,
    mentorRequest: null,
  };
  const { due, nextDueAt } = dueAndNext(state, now);
  return { match, next: nextDueAt ?? neverDue, reminders: addressed(due, coordinators) };
}

const setNextReminder = (db: TenantDb, matchId: string, at: Date) =>
  db.update(matches).set({ nextReminderAt: at }).where(eq(matches.id, matchId));

/** The earliest next reminder among active matches, read from the index's first entry. */
async function earliestMatchReminder(db: TenantDb): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(matches.nextReminderAt) })
    .from(matches)
    .where(eq(matches.status, "active"));
  const at = row?.at ?? null;
  return at && at.getTime() < neverDue.getTime() ? at : null;
}
