import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/**
 * What the other person hears when one of them changes the agreement: who changed it, that it
 * needs their acknowledgement again, and where to read it.
 */
export interface AgreementChangedMail {
  to: { displayName: string; email: string };
  changedBy: string;
  orgName: string;
  programName: string;
  version: number;
  link: string;
}

export function agreementChangedEmail(m: AgreementChangedMail): MailMessage {
  const by = oneLine(m.changedBy);
  const program = oneLine(m.programName);
  return {
    to: m.to.email,
    subject: `${by} updated your mentoring agreement`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      `${by} saved a new version (version ${m.version}) of the mentoring agreement you share ` +
        `in ${program}.`,
      "Because it changed, it waits for both of you to read it and acknowledge it again. If " +
        "something in it does not sit right with you, add your own part or talk it over at " +
        "your next meeting before you acknowledge it.",
      `Open the program in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
