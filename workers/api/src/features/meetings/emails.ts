import { type MailMessage, oneLine } from "../../../../shared/src/platform/mail";
import { spokenTime } from "./local-time";
import type { Meeting, Person } from "./store";

export type MeetingChange = "scheduled" | "moved" | "cancelled";

/**
 * What the other person of the pair hears when a meeting is set, moved or called off: the
 * time on their own clock, where, and what is planned. Reliability builds trust, so a change
 * says so plainly and early.
 */
export interface MeetingMail {
  change: MeetingChange;
  to: Person;
  /** Who made the change: the other person's name, or the program for an integration. */
  by: string;
  meeting: Meeting;
  /** The start before a move, to say what changed. */
  previousStart?: Date;
  orgName: string;
  programName: string;
  link: string;
}

export function meetingEmail(m: MeetingMail): MailMessage {
  const by = oneLine(m.by);
  const program = oneLine(m.programName);
  const when = spokenTime(m.meeting.startsAt, m.to.timeZone);
  const where =
    m.meeting.format === "video"
      ? `By video${m.meeting.videoUrl ? `: ${m.meeting.videoUrl}` : ""}`
      : `In person${m.meeting.place ? `: ${oneLine(m.meeting.place)}` : ""}`;
  const details = [
    `When: ${when}, for ${m.meeting.durationMinutes} minutes`,
    `Where: ${where}`,
  ].join("\n");
  const agenda =
    m.meeting.agenda.length > 0
      ? ["What you plan to talk about:", m.meeting.agenda.map((item) => `- ${item}`).join("\n")]
      : [];
  const body: Record<MeetingChange, { subject: string; paragraphs: string[] }> = {
    scheduled: {
      subject: `${by} scheduled a meeting with you: ${when}`,
      paragraphs: [
        `${by} put your next ${program} meeting in the calendar.`,
        details,
        ...agenda,
        "If the time does not work for you, move it in Tandem rather than skipping it.",
      ],
    },
    moved: {
      subject: `Your meeting with ${by} moved to ${when}`,
      paragraphs: [
        m.previousStart
          ? `${by} moved your meeting planned for ${spokenTime(m.previousStart, m.to.timeZone)}.`
          : `${by} changed your meeting.`,
        details,
        ...agenda,
      ],
    },
    cancelled: {
      subject: `Your meeting with ${by} was cancelled`,
      paragraphs: [
        `${by} cancelled your meeting planned for ${when}.`,
        `Their reason: ${oneLine(m.meeting.cancelReason ?? "")}`,
        "When you are ready, schedule the next one so your rhythm keeps going.",
      ],
    },
  };
  const { subject, paragraphs } = body[m.change];
  return {
    to: m.to.email,
    subject,
    text: [
      `Hi ${oneLine(m.to.displayName)},`,
      ...paragraphs,
      `Open the program in Tandem: ${m.link}`,
      `Warmly,\nTandem, on behalf of ${m.orgName}`,
    ].join("\n\n"),
  };
}
