import ical, { ICalEventStatus } from "ical-generator";
import type { meetings } from "../../../../../db/tenant/schema";

export interface FeedMeeting {
  meeting: typeof meetings.$inferSelect;
  otherName: string;
  programName: string;
}

/**
 * One iCalendar document. Each meeting keeps its UID (`<id>@tandem`) for life and carries the
 * row's sequence, so calendar apps update or cancel the event they already hold instead of
 * adding another.
 */
export function icsOf(orgName: string, rows: readonly FeedMeeting[]): string {
  const calendar = ical({
    name: `Mentoring meetings · ${orgName}`,
    prodId: { company: "Tandem", product: "meetings", language: "EN" },
    ttl: 60 * 60,
  });
  for (const { meeting: m, otherName, programName } of rows) {
    calendar.createEvent({
      id: `${m.id}@tandem`,
      sequence: m.sequence,
      start: m.startsAt,
      end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: `Mentoring: ${otherName} (${programName})`,
      description: descriptionOf(m, otherName, programName),
      location: m.format === "video" ? (m.videoUrl ?? "Video call") : (m.place ?? null),
      url: m.videoUrl,
    });
  }
  return calendar.toString();
}

function descriptionOf(m: FeedMeeting["meeting"], otherName: string, programName: string) {
  return [
    `${programName}: meeting with ${otherName}.`,
    ...(m.status === "cancelled" && m.cancelReason ? [`Cancelled: ${m.cancelReason}`] : []),
    ...(m.agenda.length > 0 ? ["Agenda:", ...m.agenda.map((item) => `- ${item}`)] : []),
  ].join("\n");
}
