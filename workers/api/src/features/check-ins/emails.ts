import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/** What a coordinator hears when someone asks, in a check-in, to be contacted. */
export interface ContactRequestMail {
  coordinator: { displayName: string; email: string };
  orgName: string;
  programName: string;
  member: { displayName: string; role: "mentor" | "mentee" };
  partnerName: string;
  link: string;
}

export function contactRequestEmail(m: ContactRequestMail): MailMessage {
  const who = oneLine(m.member.displayName) || `A ${m.member.role}`;
  const partner = oneLine(m.partnerName) || "their match";
  const program = oneLine(m.programName);
  return {
    to: m.coordinator.email,
    subject: `${who} would like a coordinator to get in touch`,
    text: [
      `Hi ${oneLine(m.coordinator.displayName)},`,
      `In their latest check-in in ${program}, ${who} (${m.member.role}, matched with ` +
        `${partner}) asked for a coordinator to contact them.`,
      "Please reach out to them directly, and mark the task done in Tandem once you have " +
        "spoken. Their check-in answers are in the match's check-ins; the other person of the " +
        "pair does not see them.",
      `Open the program in Tandem: ${m.link}`,
      `Tandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
