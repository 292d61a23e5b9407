import type { Reminder, ReminderRule } from "../domain/reminders";
import { type MailMessage, oneLine } from "../platform/mail";
import type { Contact } from "./recipients";

const subjects: Record<ReminderRule, string> = {
  check_in_due: "A check-in is open",
  check_in_overdue: "Your check-in is waiting",
  meeting_soon: "Your mentoring meeting is coming up",
  no_meeting_within_cadence: "Time to plan your next mentoring meeting",
  agreement_pending: "Your mentoring agreement is waiting",
  goal_review_due: "Time to review a goal",
  commitment_due: "Something you planned is due soon",
  contact_due: "A pair is due a check-in from you",
  request_expiring: "A mentee's request is waiting for your answer",
  evaluation_due: "An evaluation is open for you",
  inactivity: "Time to pick your mentoring up again",
  training_pending: "Your training is waiting",
  coordinator_digest: "This week's pairs needing attention",
  escalation: "A pair needs your attention",
};

/** A reminder's headline: an email's subject (with the program), a notification's title. */
export const reminderTitle = (rule: ReminderRule) => subjects[rule];

/** A reminder as an email: the engine's words, the program, and where to act. */
export function reminderEmail(m: {
  reminder: Reminder;
  to: Contact;
  orgName: string;
  programName: string;
  link: string;
}): MailMessage {
  const program = oneLine(m.programName);
  return {
    to: m.to.email,
    subject: `${subjects[m.reminder.rule]} in ${program}`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      m.reminder.text,
      `Open it in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${oneLine(m.orgName)}`,
    ].join("\n\n"),
  };
}
