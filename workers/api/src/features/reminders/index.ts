/**
 * A program's reminders for its coordinators: the week ahead (forecast by the reminder
 * engine from each pair's snapshot), what waits, what went, what failed, and sending a
 * failed one again.
 */
export { remindersRoutes } from "./routes";
