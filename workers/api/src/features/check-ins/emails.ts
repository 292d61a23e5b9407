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

/** What a coordinator hears when someone rates part of their relationship at the bottom. */
export interface LowRatingMail extends Omit<ContactRequestMail, "link"> {
  /** The questions rated 1 out of 5, by label. */
  questions: string[];
  link: string;
}

export function lowRatingEmail(m: LowRatingMail): MailMessage {
  const who = oneLine(m.member.displayName) || `A ${m.member.role}`;
  const partner = oneLine(m.partnerName) || "their match";
  const program = oneLine(m.programName);
  const rated = m.questions.map((q) => `- ${oneLine(q)}`).join("\n");
  return {
    to: m.coordinator.email,
    subject: `${who} gave a check-in rating of 1 out of 5`,
    text: [
      `Hi ${oneLine(m.coordinator.displayName)},`,
      `In their latest check-in in ${program}, ${who} (${m.member.role}, matched with ` +
        `${partner}) gave the lowest rating, 1 out of 5, to:\n${rated}`,
      "It may be worth a gentle word with them. A task is open in Tandem; mark it done once " +
        "you have been in touch. Their answers are in the match's check-ins; the other person " +
        "of the pair does not see them.",
      `Open the program in Tandem: ${m.link}`,
      `Tandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
