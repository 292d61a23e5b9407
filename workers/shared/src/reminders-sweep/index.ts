/**
 * The scheduler's reminders: each active match's snapshot (and each running program's trainees
 * and pairs needing attention) read from the tenant database, the reminder engine asked what is
 * due, and per reminder and person a row, an outbox email and an in-app notification, as the
 * program's channels and the person's preferences say.
 */
export { type ReminderSweepDeps, type ReminderSweepReport, writeDueReminders } from "./sweep";
