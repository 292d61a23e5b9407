import { and, asc, eq, gte, isNotNull } from "drizzle-orm";
import * as v from "valibot";
import { matches } from "../../../../../db/tenant/schema";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import { upcomingDays } from "../../../../shared/src/contracts/reminders";
import {
  type MatchSnapshot,
  type ReminderState,
  upcomingReminders,
} from "../../../../shared/src/domain/reminders";
import { describeError } from "../../../../shared/src/platform/log";
import { channelsFor } from "../../../../shared/src/reminders-sweep/deliveries";
import {
  type Contact,
  contactsById,
  coordinatorsOf,
} from "../../../../shared/src/reminders-sweep/recipients";
import {
  type ActiveMatch,
  readMatchSnapshots,
} from "../../../../shared/src/reminders-sweep/snapshot";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, encodeCursor } from "../../http/pagination";
import type { Program } from "../programs";
import type { UnnamedItem } from "./views";

// A page's matches are read together (a handful of queries) and each is asked of the engine
// at every due moment in the window: a page reads at most this many matches, so a large
// program answers in several pages rather than one slow one.
const matchesPerPage = 25;

/** Where the next page starts: a match (by id), and how many of its reminders were shown. */
const upcomingKey = v.strictTuple([
  v.pipe(v.string(), v.maxLength(100)),
  v.pipe(v.number(), v.integer(), v.minValue(0)),
]);

/** Where a page starts: read before anything else, so a cursor never handed out is a 400. */
export type UpcomingStart = readonly [matchId: string | null, shown: number];
export const upcomingStart = (cursor: string | undefined): UpcomingStart =>
  cursor === undefined ? [null, 0] : decodeCursor(cursor, upcomingKey);

export const upcomingWindow = (now: Date) => ({
  from: now,
  until: new Date(now.getTime() + upcomingDays * 86_400_000),
});

/**
 * One match's reminders due in the window, as the sweep will write them: a coordinator's
 * reminder once per coordinator, each on the channels the person keeps. A match that cannot
 * be read (an empty seat) has none, as the sweep skips it.
 */
async function forecastMatch(
  ctx: TenantCtx,
  match: ActiveMatch,
  snapshot: MatchSnapshot | Error | undefined,
  coordinators: Contact[],
): Promise<UnnamedItem[]> {
  const { rules } = match.program;
  if (!snapshot || snapshot instanceof Error) {
    ctx.log.warn("reminders.forecast_skipped", {
      matchId: match.id,
      error: describeError(snapshot ?? new Error("No snapshot.")),
    });
    return [];
  }
  const state: ReminderState = {
    rules,
    coordinatorTimeZone: coordinators[0]?.timeZone ?? "UTC",
    match: snapshot,
    mentorRequest: null,
  };
  const { from, until } = upcomingWindow(ctx.now);
  const reminders = upcomingReminders(state, from, until);
  const people = await contactsById(
    ctx.db,
    reminders.map((r) => r.recipientId).filter((id) => id !== "coordinators"),
  );
  return reminders.flatMap((reminder) => {
    const to =
      reminder.recipientId === "coordinators"
        ? coordinators.map((c) => ({ contact: c, key: `${reminder.key}:${c.id}` }))
        : [people.get(reminder.recipientId)].flatMap((c) =>
            c ? [{ contact: c, key: reminder.key }] : [],
          );
    return to.flatMap(({ contact, key }) => {
      const channels = channelsFor(rules.reminders.channels, contact.kept);
      if (channels.length === 0) return [];
      return [
        {
          key,
          rule: reminder.rule,
          text: reminder.text,
          recipientId: contact.id,
          matchId: match.id,
          channels,
          status: "upcoming" as const,
          sendAt: reminder.sendAt.toISOString(),
          sentAt: null,
          nextAttemptAt: null,
          attempts: 0,
          lastError: null,
        },
      ];
    });
  });
}

/**
 * The reminders the program's active matches will bring within the window, pair by pair (in
 * match order), soonest first within a page. A page holds at most `limit` reminders and reads
 * at most `matchesPerPage` matches; the cursor says where the next one starts.
 */
export async function upcomingPage(
  ctx: TenantCtx,
  program: Program,
  input: { limit: number; start: UpcomingStart },
): Promise<Page<UnnamedItem>> {
  const [start, skip] = input.start;
  const rows = await ctx.db
    .select({ id: matches.id, activatedAt: matches.activatedAt })
    .from(matches)
    .where(
      and(
        eq(matches.programId, program.id),
        eq(matches.status, "active"),
        isNotNull(matches.activatedAt),
        start === null ? undefined : gte(matches.id, start),
      ),
    )
    .orderBy(asc(matches.id))
    .limit(matchesPerPage + 1);
  const coordinators = await coordinatorsOf(ctx.db, program.id);
  const page = rows.slice(0, matchesPerPage).map(
    (row): ActiveMatch => ({
      id: row.id,
      activatedAt: row.activatedAt!,
      nextReminderAt: null,
      program,
    }),
  );
  const snapshots = await readMatchSnapshots(ctx.db, page, ctx.now);
  const items: UnnamedItem[] = [];
  let next: [string, number] | null = null;
  // Once the page is full, the matches after it are read on until one has something, so a
  // cursor never leads to an empty page; past the cap, the next page reads on.
  for (const match of page) {
    const shown = match.id === start ? skip : 0;
    const forecast = (await forecastMatch(ctx, match, snapshots.get(match.id), coordinators)).slice(
      shown,
    );
    const room = input.limit - items.length;
    if (forecast.length > room) {
      items.push(...forecast.slice(0, room));
      next = [match.id, shown + room];
      break;
    }
    items.push(...forecast);
  }
  const unread = rows[matchesPerPage];
  if (!next && unread) next = [unread.id, 0];
  items.sort((a, b) => a.sendAt.localeCompare(b.sendAt) || a.key.localeCompare(b.key));
  return { items, nextCursor: next ? encodeCursor(next) : null };
}
