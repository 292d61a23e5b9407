import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/**
 * A person is told their match has closed. No blame and no reason: either of the pair may end
 * it without owing one. It says what happens now (the program's procedure), what the program
 * says about staying in touch, and, when the program asks one, that the exit survey waits.
 */
export interface ClosedMail {
  to: { displayName: string; email: string };
  partnerName: string;
  orgName: string;
  programName: string;
  planned: boolean;
  procedure: string;
  contactPolicy: string;
  exitSurvey: boolean;
  link: string;
}

export function matchClosedEmail(m: ClosedMail): MailMessage {
  const partner = oneLine(m.partnerName);
  const program = oneLine(m.programName);
  return {
    to: m.to.email,
    subject: `Your match with ${partner} in ${program} has closed`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      m.planned
        ? `Your time together with ${partner} in ${program} has come to its planned end, and ` +
          "the match is now closed. Thank you for the time and care you gave it."
        : `Your match with ${partner} in ${program} has been closed. Matches end early for ` +
          "many reasons, often simply because time or circumstances change; it says nothing " +
          "about either of you. Thank you for the time and care you gave it.",
      `What happens now: ${m.procedure}`,
      `Staying in touch: ${m.contactPolicy}`,
      ...(m.exitSurvey
        ? [
            "A short exit survey is waiting for you in Tandem. Your answers help the " +
              "coordinators make the program better for the next pairs.",
          ]
        : []),
      "Your records of the match stay in Tandem for you to read.",
      `Open the program in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
