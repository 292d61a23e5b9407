/**
 * The scheduler's reminders: the active matches due (or all of them, hourly) read from the
 * tenant database in batches, the reminder engine asked what is due and when next, and per
 * reminder and person a row, an outbox email and an in-app notification, as the program's
 * channels and the person's preferences say; mentors of pending requests, each running
 * program's trainees and its coordinators' weekly digest likewise.
 */
export { earliest, type ReminderSweepDeps, type ReminderSweepReport } from "./addressed";
export { programsById } from "./programs";
export { neverDue, writeDueReminders } from "./sweep";
