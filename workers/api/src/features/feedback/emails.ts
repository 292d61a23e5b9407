import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/**
 * The recipient hears that feedback is waiting, never what it says: the text stays in Tandem,
 * where only the two of them (and coordinators, if its author chose) can read it.
 */
export interface FeedbackMail {
  to: { displayName: string; email: string };
  from: { displayName: string; role: "mentor" | "mentee" };
  orgName: string;
  programName: string;
  link: string;
}

export function feedbackEmail(m: FeedbackMail): MailMessage {
  const from = oneLine(m.from.displayName);
  return {
    to: m.to.email,
    subject: `${from} sent you feedback`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      `${from}, your ${m.from.role} in ${oneLine(m.programName)}, took a moment to tell you ` +
        "what is working well between you and how you could support each other.",
      "Read it in Tandem when you have a quiet minute, and consider sharing your own: honest, " +
        "kind feedback in both directions is how a mentoring relationship grows.",
      `Open the program in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
