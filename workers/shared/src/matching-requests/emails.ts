import type { MatchReason } from "../contracts/matches";
import { type MailMessage, oneLine } from "../platform/mail";

/** Who a request email is from and about: names, the program, where to answer. */
export interface RequestMailBase {
  orgName: string;
  programName: string;
  /** The program's page, or null where no public address is known (then: "sign in"). */
  link: string;
}

const signOff = (orgName: string) => `Warmly,\nTandem, on behalf of ${orgName}`;
const openLine = (link: string) => `Open the program in Tandem: ${link}`;

/** A deadline as people read it: "Friday 14 March 2025, 17:00 UTC". */
export function deadline(at: Date): string {
  const day = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(at);
  return `${day}, ${at.toISOString().slice(11, 16)} UTC`;
}

/** The reasons that speak for the pair, strongest first. */
function strengths(reasons: readonly MatchReason[]): string[] {
  return reasons
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points)
    .slice(0, 4)
    .map((r) => `- ${r.text}`);
}

/** To the mentor: a mentee asks them; why they fit, by when to answer, where. */
export function requestEmail(
  m: RequestMailBase & {
    mentor: { displayName: string; email: string };
    mentee: { displayName: string };
    score: number;
    reasons: readonly MatchReason[];
    expiresAt: Date;
  },
): MailMessage {
  const mentee = oneLine(m.mentee.displayName);
  const program = oneLine(m.programName);
  const why = strengths(m.reasons);
  return {
    to: m.mentor.email,
    subject: `${mentee} asks you to be their mentor in ${program}`,
    text: [
      `Hi ${oneLine(m.mentor.displayName)},`,
      `${mentee} chose you as their mentor in ${program} and asks whether you will take them on.`,
      ...(why.length > 0 ? [`Why you two fit (score ${m.score} of 100):`, why.join("\n")] : []),
      `Please accept or decline by ${deadline(m.expiresAt)}. If you do not answer by then, ` +
        "the request lapses and goes to their next choice.",
      openLine(m.link),
      signOff(m.orgName),
    ].join("\n\n"),
  };
}

export type RequestEnd = "declined" | "expired";

/** Where a mentee's request went next: to another choice, or nowhere. */
export type NextStep =
  | { kind: "sent"; mentorName: string; rank: number; expiresAt: Date }
  | { kind: "none" };

/** To the mentee: their request ended (declined or lapsed) and what happens now. */
export function requestEndedEmail(
  m: RequestMailBase & {
    mentee: { displayName: string; email: string };
    mentorName: string;
    end: RequestEnd;
    skipped: readonly { mentorName: string; reason: string }[];
    next: NextStep;
  },
): MailMessage {
  const mentor = oneLine(m.mentorName);
  const program = oneLine(m.programName);
  const what =
    m.end === "declined"
      ? `${mentor} cannot take you on as a mentee in ${program} this time.`
      : `${mentor} did not answer your request in ${program} in time, so it lapsed.`;
  const skipped = m.skipped.map((s) => `- ${oneLine(s.mentorName)}: ${s.reason}`);
  const next =
    m.next.kind === "sent"
      ? `Your request has gone to your choice number ${m.next.rank}, ` +
        `${oneLine(m.next.mentorName)}, who has until ${deadline(m.next.expiresAt)} to answer.`
      : "None of your choices is left to ask. Choose other mentors in Tandem, or ask the " +
        "program's coordinator to match you.";
  return {
    to: m.mentee.email,
    subject:
      m.end === "declined"
        ? `${mentor} declined your request in ${program}`
        : `Your request to ${mentor} in ${program} lapsed`,
    text: [
      `Hi ${oneLine(m.mentee.displayName)},`,
      what,
      ...(skipped.length > 0
        ? ["These choices could not be asked any more:", skipped.join("\n")]
        : []),
      next,
      openLine(m.link),
      signOff(m.orgName),
    ].join("\n\n"),
  };
}

/** To the mentor: the mentee withdrew the request they had not answered yet. */
export function requestWithdrawnEmail(
  m: RequestMailBase & {
    mentor: { displayName: string; email: string };
    menteeName: string;
  },
): MailMessage {
  const mentee = oneLine(m.menteeName);
  const program = oneLine(m.programName);
  return {
    to: m.mentor.email,
    subject: `${mentee} withdrew their request in ${program}`,
    text: [
      `Hi ${oneLine(m.mentor.displayName)},`,
      `${mentee} withdrew their request for you to mentor them in ${program}; ` +
        "there is nothing for you to answer any more.",
      openLine(m.link),
      signOff(m.orgName),
    ].join("\n\n"),
  };
}
