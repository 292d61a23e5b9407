import * as v from "valibot";
import { reminderChannels } from "../domain/program-rules";
import { reminderRules } from "../domain/reminders/state";
import { timestamp } from "./common/json";
import { pageQuery } from "./common/pagination";
import { resourceId } from "./common/params";

/**
 * A program's reminders as its coordinators see them (GET /v1/programs/{id}/reminders): what
 * the next days will bring, what waits to be sent, what went and what failed.
 */
export const reminderViews = ["upcoming", "waiting", "sent", "failed"] as const;
export type ReminderView = (typeof reminderViews)[number];

/** How many days ahead the upcoming view looks. */
export const upcomingDays = 7;

/** `?view=&limit=&cursor=`; the upcoming view when none is named. */
export const remindersQuery = v.object({
  ...pageQuery.entries,
  view: v.optional(
    v.picklist(reminderViews, 'view must be "upcoming", "waiting", "sent" or "failed".'),
    "upcoming",
  ),
});

/** A reminder's key: the engine's, with a coordinator's id appended. Longer than other ids. */
export const reminderKeyParam = v.object({
  programId: resourceId,
  key: v.pipe(v.string(), v.maxLength(300, "key is too long.")),
});

const person = v.object({ memberId: v.string(), displayName: v.string() });

export const reminderItem = v.object({
  /** The reminder's key: what the retry names. */
  key: v.string(),
  rule: v.picklist(reminderRules),
  /** The rule in a coordinator's words: "Check-in overdue". */
  ruleLabel: v.string(),
  /** The sentence the person gets. */
  text: v.string(),
  /** Who it goes to. */
  recipient: person,
  /** The pair it is about; null for a reminder about no match. */
  pair: v.nullable(v.object({ matchId: v.string(), mentor: person, mentee: person })),
  /** Where it goes: the program's channels the person keeps. */
  channels: v.array(v.picklist(reminderChannels)),
  status: v.picklist(reminderViews),
  /** When it is (or was) to be sent: never inside the person's quiet hours. */
  sendAt: timestamp,
  /** When the email went, or the in-app notice showed; null until then. */
  sentAt: v.nullable(timestamp),
  /** When its email is tried next; null unless waiting for a send or a retry. */
  nextAttemptAt: v.nullable(timestamp),
  /** Email sends tried since it was written or last retried. */
  attempts: v.number(),
  /** Why the email's last attempt failed, in the provider's few words; null when none did. */
  lastError: v.nullable(v.string()),
});
export type ReminderItem = v.InferOutput<typeof reminderItem>;

export const remindersPage = v.object({
  view: v.picklist(reminderViews),
  /** The upcoming view's window: from now to `upcomingDays` ahead; null for the others. */
  window: v.nullable(v.object({ from: timestamp, until: timestamp })),
  items: v.array(reminderItem),
  nextCursor: v.nullable(v.string()),
});
export type RemindersPage = v.InferOutput<typeof remindersPage>;
