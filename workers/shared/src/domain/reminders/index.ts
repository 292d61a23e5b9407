/**
 * Due reminders: which reminders a match, a member's pending request or a program (its
 * trainees, its coordinators' weekly digest) is due at a moment, each with a key that names
 * its occurrence and a send time outside the recipient's quiet hours. Pure functions over plain data with the clock passed in; the scheduler writes the
 * results to the outbox, which drops keys it has already seen.
 */
export { evaluationAnswerDays, inactivityDays } from "./engagement";
export { dueAndNext, dueReminders, nextDueAt } from "./engine";
export { isQuiet, outOfQuietHours, type QuietHours } from "./local-time";
export { digestText, digestTime } from "./program";
export {
  type MatchEvaluation,
  type MatchSnapshot,
  type PairAttention,
  type PendingRequest,
  type Person,
  type ProgramSnapshot,
  type RecipientId,
  type Reminder,
  type ReminderRule,
  type ReminderRules,
  type ReminderState,
  reminderRules,
  type Trainee,
} from "./state";
export { upcomingReminders } from "./upcoming";
