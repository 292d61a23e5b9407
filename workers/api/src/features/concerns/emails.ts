import type { ConcernUrgency } from "../../../../shared/src/contracts/stewardship/concerns";
import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/**
 * A coordinator hears that a concern was raised and how urgent it is, never what it says nor
 * who raised it: email travels and lingers, and the concern's text stays in Tandem, where
 * reading it is recorded.
 */
export interface ConcernRaisedMail {
  coordinator: { displayName: string; email: string };
  orgName: string;
  programName: string;
  urgency: ConcernUrgency;
  wantsContact: boolean;
  link: string;
}

const urgencyWords: Record<ConcernUrgency, string> = {
  urgent: "It is marked urgent: please read it as soon as you can.",
  normal: "It is marked as normal urgency.",
  low: "It is marked as low urgency.",
};

export function concernRaisedEmail(m: ConcernRaisedMail): MailMessage {
  const program = oneLine(m.programName);
  const subject = `A concern was raised in ${program}`;
  return {
    to: m.coordinator.email,
    subject: m.urgency === "urgent" ? `URGENT: ${subject}` : subject,
    text: [
      `Hi ${oneLine(m.coordinator.displayName)},`,
      `Someone in ${program} raised a concern about their match. ${urgencyWords[m.urgency]}`,
      m.wantsContact
        ? "They would like a coordinator to get in touch."
        : "They did not ask to be contacted.",
      "What they wrote is in Tandem, under the match's concerns; the other person of the pair " +
        "does not see it. Acknowledge it there once you have read it.",
      `Open the program in Tandem: ${m.link}`,
      `Tandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}

/** The member who raised a concern hears that it was resolved, and how. */
export interface ConcernResolvedMail {
  to: { displayName: string; email: string };
  orgName: string;
  programName: string;
  resolution: string;
  link: string;
}

export function concernResolvedEmail(m: ConcernResolvedMail): MailMessage {
  const program = oneLine(m.programName);
  return {
    to: m.to.email,
    subject: `Your concern in ${program} was resolved`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      `A coordinator of ${program} resolved the concern you raised. What they wrote:`,
      m.resolution,
      "If something still worries you, raise a new concern in Tandem. The other person of " +
        "your match does not see your concerns.",
      `Open the program in Tandem: ${m.link}`,
      `Tandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
