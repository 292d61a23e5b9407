/**
 * The scheduler's reminders: each active match's snapshot read from the tenant database, the
 * reminder engine asked what is due, and one outbox email written per reminder and person.
 * Email only for now; a program whose `reminders.channels` leave out email gets nothing here.
 */
export { type ReminderSweepDeps, type ReminderSweepReport, writeDueReminders } from "./sweep";
