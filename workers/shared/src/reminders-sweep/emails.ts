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

/** What the one button of each reminder says: the thing to do. */
const actions: Record<ReminderRule, string> = {
  check_in_due: "Answer the check-in",
  check_in_overdue: "Answer the check-in",
  meeting_soon: "See the meeting",
  no_meeting_within_cadence: "Plan a meeting",
  agreement_pending: "Open the agreement",
  goal_review_due: "Review the goal",
  commitment_due: "Open your commitments",
  contact_due: "Open the pair",
  request_expiring: "Answer the request",
  evaluation_due: "Open the evaluation",
  inactivity: "Plan a meeting",
  training_pending: "Open your training",
  coordinator_digest: "See the pairs",
  escalation: "Open the pair",
};

/** A reminder's headline: an email's subject (with the program), a notification's title. */
export const reminderTitle = (rule: ReminderRule) => subjects[rule];

export interface ReminderEmailInput {
  reminder: Reminder;
  to: Contact;
  orgName: string;
  programName: string;
  /** Where to act: the pair's workspace at the section, or the mentor's requests. */
  link: string;
  /** Where the person changes how Tandem reminds them, without signing in. */
  preferencesLink: string;
}

/** A reminder as an email, in plain text and HTML: the engine's words and where to act. */
export function reminderEmail(m: ReminderEmailInput): MailMessage {
  const program = oneLine(m.programName);
  return {
    to: m.to.email,
    subject: `${subjects[m.reminder.rule]} in ${program}`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      m.reminder.text,
      `Open it in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${oneLine(m.orgName)}`,
      `Change how Tandem reminds you: ${m.preferencesLink}`,
    ].join("\n\n"),
    html: reminderHtml(m),
  };
}

/** Text for HTML: every value from people or the database goes through here. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const button =
  "display:inline-block;padding:12px 20px;border-radius:6px;background:#1f4e8c;color:#ffffff;font-weight:600;text-decoration:underline";

/**
 * A short, plain page: one heading, the sentence, ONE button-styled link to the thing to do,
 * and a small link to change reminders. Inline styles only (mail clients drop style sheets);
 * the button is a real link with its own words, so it reads the same to a screen reader.
 */
function reminderHtml(m: ReminderEmailInput): string {
  const subject = escapeHtml(subjects[m.reminder.rule]);
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${subject}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff">',
    '<main style="max-width:560px">',
    `<p>Hi ${escapeHtml(oneLine(m.to.displayName))},</p>`,
    `<p>${escapeHtml(m.reminder.text)}</p>`,
    `<p><a href="${escapeHtml(m.link)}" style="${button}">${escapeHtml(actions[m.reminder.rule])}</a></p>`,
    `<p>Warmly,<br>Tandem, on behalf of ${escapeHtml(oneLine(m.orgName))}</p>`,
    `<p style="font-size:14px;color:#4a4a4a"><a href="${escapeHtml(m.preferencesLink)}" style="color:#4a4a4a">Change how Tandem reminds you</a></p>`,
    "</main></body></html>",
  ].join("\n");
}
