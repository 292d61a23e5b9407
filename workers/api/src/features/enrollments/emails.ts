import type { ProgramRole } from "../../../../shared/src/contracts/enrollments";
import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/**
 * What a member hears once a coordinator decides on their application: plain, warm, and clear
 * about what happens next. One line per paragraph: mail clients wrap plain text themselves.
 */
export interface DecisionMail {
  member: { displayName: string; email: string };
  orgName: string;
  programName: string;
  role: ProgramRole;
  decision: "approved" | "waitlisted" | "declined";
  message: string | null;
  /** Titles of the training their role asks of them, in order. */
  training: string[];
  link: string;
}

const roleWord = { mentor: "a mentor", mentee: "a mentee" } as const;

export function decisionEmail(m: DecisionMail): MailMessage {
  const program = oneLine(m.programName);
  const coordinatorNote = m.message ? [`A note from your program coordinator:`, m.message] : [];
  const body: Record<DecisionMail["decision"], { subject: string; paragraphs: string[] }> = {
    approved: {
      subject: `You're in: ${program}`,
      paragraphs: [
        `Good news: your application to join ${program} as ${roleWord[m.role]} was approved.`,
        ...coordinatorNote,
        ...(m.training.length > 0
          ? [
              "Before you are matched, please complete this training:",
              m.training.map((t) => `- ${oneLine(t)}`).join("\n"),
              "You'll find it in Tandem under the program, and it only takes a little while.",
            ]
          : ["There's nothing more to do for now: we'll let you know once you're matched."]),
        `Open the program in Tandem: ${m.link}`,
      ],
    },
    waitlisted: {
      subject: `You're on the waitlist for ${program}`,
      paragraphs: [
        `Thank you for applying to ${program} as ${roleWord[m.role]}. The program is full ` +
          "for now, so your application is on the waitlist.",
        ...coordinatorNote,
        "If a place opens up, your coordinator can approve you and we'll email you right away. " +
          "You don't need to do anything meanwhile.",
      ],
    },
    declined: {
      subject: `About your application to ${program}`,
      paragraphs: [
        `Thank you for applying to ${program} as ${roleWord[m.role]}. This time, your ` +
          "application was not accepted.",
        ...coordinatorNote,
        "We hope to see you in a future program; if you have questions, your coordinator is " +
          "happy to talk.",
      ],
    },
  };
  const { subject, paragraphs } = body[m.decision];
  return {
    to: m.member.email,
    subject,
    text: [
      `Hi ${oneLine(m.member.displayName)},`,
      ...paragraphs,
      `Warmly,\nTandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
