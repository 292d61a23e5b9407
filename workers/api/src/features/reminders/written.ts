import {
  and,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import * as v from "valibot";
import { outbox, reminderLog } from "../../../../../db/tenant/schema";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { ReminderView } from "../../../../shared/src/contracts/reminders";
import type { ReminderChannel } from "../../../../shared/src/domain/program-rules";
import type { ReminderRule } from "../../../../shared/src/domain/reminders";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { decodeCursor, pageOf } from "../../http/pagination";
import type { UnnamedItem } from "./views";

export type WrittenView = Exclude<ReminderView, "upcoming">;

/**
 * A send time, then the row's number: keys run too long for a cursor, and the row number
 * orders ties the way the program's index on send times already does.
 */
const sendTimeKey = v.strictTuple([
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  v.pipe(v.number(), v.integer(), v.minValue(0)),
]);
const rowNumber = sql<number>`"reminders"."rowid"`;

/** Where a page starts: read before anything else, so a cursor never handed out is a 400. */
export type WrittenStart = readonly [sendAt: number, row: number] | null;
export const writtenStart = (cursor: string | undefined): WrittenStart =>
  cursor === undefined ? null : decodeCursor(cursor, sendTimeKey);

/** A reminder's email shares its key: the sweep writes it as `reminder:<key>`. */
const prefix = "reminder:";
const emailOf = eq(outbox.key, sql`${prefix} || ${reminderLog.key}`);
const reminderKeyOf = sql<string>`substr(${outbox.key}, ${prefix.length + 1})`;
/** The same join read from the email's side, for queries that start from the outbox. */
const reminderOf = and(eq(reminderLog.key, reminderKeyOf), like(outbox.key, `${prefix}%`));

/**
 * Which of the program's written reminders a view holds. With an email, the email's status
 * says where it stands; without one (in-app only, or an email sent long ago and cleared away)
 * it has gone once its send time has come. Failed and pending emails are few beside the sent
 * ones, so those views start from the outbox's status index (the program is then checked
 * without its index, `+`), and their cost does not grow with the program's history.
 */
function scope(db: Pick<TenantDb, "select">, view: WrittenView, programId: string, now: Date) {
  const inProgram = eq(reminderLog.programId, programId);
  const inProgramByKey = sql`+${reminderLog.programId} = ${programId}`;
  if (view === "failed") return and(eq(outbox.status, "dead"), inProgramByKey);
  if (view === "sent") {
    return and(
      inProgram,
      or(eq(outbox.status, "sent"), and(isNull(outbox.id), lte(reminderLog.sendAt, now))),
    );
  }
  const pending = db
    .select({ key: reminderKeyOf })
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), like(outbox.key, `${prefix}%`)));
  return or(
    and(inArray(reminderLog.key, pending), inProgramByKey),
    and(inProgram, gt(reminderLog.sendAt, now), isNull(outbox.id)),
  );
}

const columns = {
  key: reminderLog.key,
  rule: reminderLog.rule,
  text: reminderLog.text,
  recipientId: reminderLog.recipientId,
  matchId: reminderLog.matchId,
  channels: reminderLog.channels,
  sendAt: reminderLog.sendAt,
  emailStatus: outbox.status,
  attempts: outbox.attempts,
  lastError: outbox.lastError,
  nextAttemptAt: outbox.nextAttemptAt,
  sentAt: outbox.sentAt,
};

interface WrittenRow {
  key: string;
  rule: string;
  text: string;
  recipientId: string;
  matchId: string | null;
  channels: ReminderChannel[];
  sendAt: Date;
  emailStatus: "pending" | "sent" | "dead" | null;
  attempts: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
}

function writtenItem(row: WrittenRow, view: WrittenView): UnnamedItem {
  return {
    key: row.key,
    rule: row.rule as ReminderRule,
    text: row.text,
    recipientId: row.recipientId,
    matchId: row.matchId,
    channels: row.channels,
    status: view,
    sendAt: row.sendAt.toISOString(),
    sentAt: view === "sent" ? (row.sentAt ?? row.sendAt).toISOString() : null,
    nextAttemptAt:
      row.emailStatus === "pending" && row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
    attempts: row.attempts ?? 0,
    lastError: row.lastError ?? null,
  };
}

/** A program's reminders one query can sort: waiting soonest first, the others newest first. */
export async function writtenPage(
  db: Pick<TenantDb, "select">,
  programId: string,
  view: WrittenView,
  input: { limit: number; start: WrittenStart; now: Date },
): Promise<Page<UnnamedItem>> {
  const soonestFirst = view === "waiting";
  let after: SQL | undefined;
  if (input.start) {
    const [ms, row] = input.start;
    const at = new Date(ms);
    const beyond = soonestFirst ? gt : lt;
    after = or(
      beyond(reminderLog.sendAt, at),
      and(eq(reminderLog.sendAt, at), beyond(rowNumber, row)),
    );
  }
  const order = soonestFirst ? asc : desc;
  const where = and(scope(db, view, programId, input.now), after);
  const orderBy = [order(reminderLog.sendAt), order(rowNumber)];
  const select = db.select({ ...columns, row: rowNumber }).from(reminderLog);
  const rows: (WrittenRow & { row: number })[] =
    view === "failed"
      ? await select
          .innerJoin(outbox, reminderOf)
          .where(where)
          .orderBy(...orderBy)
          .limit(input.limit + 1)
      : await select
          .leftJoin(outbox, emailOf)
          .where(where)
          .orderBy(...orderBy)
          .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.sendAt.getTime(), last.row]);
  return { ...page, items: page.items.map((row) => writtenItem(row, view)) };
}

function viewOf(row: WrittenRow, now: Date): WrittenView {
  if (row.emailStatus === "dead") return "failed";
  if (row.emailStatus === "pending") return "waiting";
  if (row.emailStatus === "sent") return "sent";
  return row.sendAt > now ? "waiting" : "sent";
}

/** One of the program's written reminders where it stands now, or null when it has none. */
export async function findWritten(
  db: Pick<TenantDb, "select">,
  programId: string,
  key: string,
  now: Date,
): Promise<UnnamedItem | null> {
  const [row] = await db
    .select(columns)
    .from(reminderLog)
    .leftJoin(outbox, emailOf)
    .where(and(eq(reminderLog.programId, programId), eq(reminderLog.key, key)));
  return row ? writtenItem(row, viewOf(row, now)) : null;
}
