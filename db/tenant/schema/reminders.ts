import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ReminderChannel } from "../../../workers/shared/src/domain/program-rules";
import { ms } from "./columns";

/**
 * Every reminder the sweep decided to send, one row per recipient, written in the same batch
 * as its deliveries (outbox rows, notifications). `key` is the engine's deterministic key (with
 * the coordinator's id appended when a reminder goes to several), so a second, overlapping or
 * retried sweep writes nothing new. Coordinators read a program's reminders from here.
 */
export const reminderLog = sqliteTable(
  "reminders",
  {
    key: text("key").primaryKey(),
    programId: text("program_id").notNull(),
    /** The match it is about; null for a mentor's pending request or a digest. */
    matchId: text("match_id"),
    rule: text("rule").notNull(),
    recipientId: text("recipient_id").notNull(),
    /** Where it went: the program's channels the recipient keeps. */
    channels: text("channels", { mode: "json" }).$type<ReminderChannel[]>().notNull(),
    text: text("text").notNull(),
    /** Not before this moment: outside the recipient's quiet hours. */
    sendAt: ms("send_at").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("reminders_program").on(t.programId, t.sendAt)],
);

/**
 * A member's in-app notifications (the bell). Written by the sweep with the reminder; shown
 * from `visibleFrom` (the reminder's send time, so quiet hours hold here too).
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id").notNull(),
    /** What caused it, deterministically: the same cause never notifies twice. */
    key: text("key").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    /** Where to act: a path in the web client. */
    link: text("link").notNull(),
    visibleFrom: ms("visible_from").notNull(),
    createdAt: ms("created_at").notNull(),
    readAt: ms("read_at"),
  },
  (t) => [
    uniqueIndex("notifications_key").on(t.key),
    index("notifications_member").on(t.memberId, t.visibleFrom),
  ],
);

/** The channels a member keeps for reminders; no row means every channel the program uses. */
export const notificationPreferences = sqliteTable("notification_preferences", {
  memberId: text("member_id").primaryKey(),
  channels: text("channels", { mode: "json" }).$type<ReminderChannel[]>().notNull(),
  updatedAt: ms("updated_at").notNull(),
});

/**
 * Where the organization's coordinator reminders are posted (a Slack- or Teams-style incoming
 * webhook). The URL carries a secret, so it is sealed at rest like the signing secret.
 */
export const webhookTargets = sqliteTable("webhook_targets", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  urlSealed: text("url_sealed").notNull(),
  secretSealed: text("secret_sealed").notNull(),
  status: text("status", { enum: ["active", "disabled"] }).notNull(),
  createdBy: text("created_by"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});
