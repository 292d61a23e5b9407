import type { MatchReason } from "../../../../shared/src/contracts/matches";
import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";

/**
 * The welcome both people get when their match begins: who the other person is, why they were
 * matched in plain words, what the program expects, and the first step.
 */
export interface WelcomeMail {
  to: { displayName: string; email: string };
  role: "mentor" | "mentee";
  other: { displayName: string; email: string };
  orgName: string;
  programName: string;
  reasons: MatchReason[];
  /** The program's rules in sentences (summarizeRules). */
  expectations: string[];
  link: string;
}

/** The reasons that speak for the pair, strongest first; exclusions and neutral notes left out. */
function whyMatched(reasons: MatchReason[]): string[] {
  return reasons
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 4)
    .map((r) => `- ${r.text}`);
}

export function welcomeEmail(m: WelcomeMail): MailMessage {
  const other = oneLine(m.other.displayName);
  const program = oneLine(m.programName);
  const why = whyMatched(m.reasons);
  const firstStep =
    m.role === "mentee"
      ? `Your first step: write to ${other} (${m.other.email}) to say hello and suggest a time ` +
        "for your first conversation. Bring one or two things you hope to get from the program."
      : `Your first step: ${other} will reach out to plan your first conversation; if you have ` +
        `not heard within a few days, write to them at ${m.other.email}.`;
  return {
    to: m.to.email,
    subject: `You're matched with ${other} in ${program}`,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      `Welcome to your mentoring relationship in ${program}: you are ${other}'s ` +
        `${m.role === "mentor" ? "mentor" : "mentee"}.`,
      ...(why.length > 0 ? ["Why you two were matched:", why.join("\n")] : []),
      "What the program asks of you both:",
      m.expectations.map((line) => `- ${line}`).join("\n"),
      firstStep,
      `Open the program in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
