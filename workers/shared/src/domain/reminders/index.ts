/**
 * Due reminders: which reminders a match (or a member's pending request) is due at a moment,
 * each with a key that names its occurrence and a send time outside the recipient's quiet
 * hours. Pure functions over plain data with the clock passed in; the scheduler writes the
 * results to the outbox, which drops keys it has already seen.
 */
export { dueAndNext, dueReminders, nextDueAt } from "./engine";
export { isQuiet, outOfQuietHours, type QuietHours } from "./local-time";
export {
  type MatchSnapshot,
  type PendingRequest,
  type Person,
  type RecipientId,
  type Reminder,
  type ReminderRule,
  type ReminderRules,
  type ReminderState,
  reminderRules,
} from "./state";
