import * as v from "valibot";
import { timestamp } from "../common/json";
import { page, pageQuery } from "../common/pagination";
import { resourceId } from "../common/params";
import { timeZone } from "../me";

/** A pair's meetings, their notes and members' calendar feeds: shared by the API and the web. */

export const meetingStatuses = ["proposed", "scheduled", "held", "cancelled", "missed"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export const meetingFormats = ["in_person", "video"] as const;
export type MeetingFormat = (typeof meetingFormats)[number];

/** The longest meeting a pair can put in the calendar, and the most minutes it can log. */
export const maxMeetingMinutes = 480;

export const pairParam = v.object({ matchId: resourceId });
export const meetingParam = v.object({ matchId: resourceId, meetingId: resourceId });

/**
 * A wall-clock time as the person typed it, "2026-12-03T18:00", always sent with the IANA zone
 * it is meant in: the same digits are a different moment in Berlin and in Toronto.
 */
export const localDateTime = v.pipe(
  v.string("startsAt must be text."),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    'startsAt must be a local date and time such as "2026-12-03T18:00", with timeZone beside it.',
  ),
  v.check(isCalendarTime, "startsAt is not a real date and time."),
);

function isCalendarTime(text: string): boolean {
  const [y, mo, d, h, mi] = text.split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi
  );
}

const duration = v.pipe(
  v.number("durationMinutes must be a number."),
  v.integer("durationMinutes must be a whole number of minutes."),
  v.minValue(5, "durationMinutes must be at least 5."),
  v.maxValue(maxMeetingMinutes, `durationMinutes can be at most ${maxMeetingMinutes} (8 hours).`),
);

const place = v.pipe(
  v.string("place must be text."),
  v.trim(),
  v.minLength(1, "place cannot be blank; leave it out instead."),
  v.maxLength(200, "place can be at most 200 characters."),
);

const videoUrl = v.pipe(
  v.string("videoUrl must be text."),
  v.trim(),
  v.maxLength(500, "videoUrl can be at most 500 characters."),
  v.url("videoUrl must be a full link, starting with https://."),
  v.startsWith("https://", "videoUrl must start with https://."),
);

const agendaItem = v.pipe(
  v.string("Each agenda item must be text."),
  v.trim(),
  v.minLength(3, "Each agenda item needs at least 3 characters."),
  v.maxLength(120, "Each agenda item can be at most 120 characters."),
);

export const scheduleInput = v.object({
  startsAt: localDateTime,
  timeZone,
  durationMinutes: duration,
  format: v.picklist(meetingFormats, "format must be in_person or video."),
  place: v.optional(place),
  videoUrl: v.optional(videoUrl),
  /** Items the pair adds after the program's agenda and their open commitments. */
  agenda: v.optional(
    v.pipe(
      v.array(agendaItem, "agenda must be a list."),
      v.maxLength(10, "agenda can add at most 10 items."),
    ),
  ),
});
export type ScheduleInput = v.InferOutput<typeof scheduleInput>;

/** A move: a new start (with its zone), length or place. null clears a place or link. */
export const rescheduleInput = v.object({
  startsAt: v.optional(localDateTime),
  timeZone: v.optional(timeZone),
  durationMinutes: v.optional(duration),
  place: v.optional(v.nullable(place)),
  videoUrl: v.optional(v.nullable(videoUrl)),
});
export type RescheduleInput = v.InferOutput<typeof rescheduleInput>;

export const cancelInput = v.object({
  reason: v.pipe(
    v.string("reason must be text."),
    v.trim(),
    v.minLength(1, "reason is required: a short word helps the other person plan."),
    v.maxLength(500, "reason can be at most 500 characters."),
  ),
});
export type CancelInput = v.InferOutput<typeof cancelInput>;

export const logInput = v.object({
  attendees: v.pipe(
    v.array(resourceId, "attendees must be a list of member ids."),
    v.minLength(1, "attendees must name at least one person of the pair."),
    v.maxLength(2, "attendees can name at most the two people of the pair."),
  ),
  heldMinutes: v.pipe(
    v.number("heldMinutes must be a number."),
    v.integer("heldMinutes must be a whole number of minutes."),
    v.minValue(1, "heldMinutes must be at least 1: a meeting cannot end before it starts."),
    v.maxValue(maxMeetingMinutes, `heldMinutes can be at most ${maxMeetingMinutes} (8 hours).`),
  ),
});
export type LogInput = v.InferOutput<typeof logInput>;

export const notesInput = v.object({
  text: v.pipe(
    v.string("text must be text."),
    v.maxLength(20_000, "text can be at most 20,000 characters."),
  ),
});
export type NotesInput = v.InferOutput<typeof notesInput>;

export const meetingsQuery = v.object({
  ...pageQuery.entries,
  status: v.optional(v.picklist(meetingStatuses, "status is not a meeting status.")),
});
export type MeetingsQuery = v.InferOutput<typeof meetingsQuery>;

/** A moment as read on a clock in one zone: "2026-12-03T18:00" at offset "+01:00". */
export const zonedTime = v.object({
  timeZone: v.string(),
  local: v.string(),
  offset: v.string(),
});
export type ZonedTime = v.InferOutput<typeof zonedTime>;

export const meetingView = v.object({
  id: v.string(),
  matchId: v.string(),
  status: v.picklist(meetingStatuses),
  start: v.object({
    utc: timestamp,
    /** As the person who set the time typed it. */
    proposer: zonedTime,
    /** On the viewer's own clock (their profile's time zone; UTC for integrations). */
    viewer: zonedTime,
  }),
  endsAt: timestamp,
  durationMinutes: v.number(),
  format: v.picklist(meetingFormats),
  place: v.nullable(v.string()),
  videoUrl: v.nullable(v.string()),
  agenda: v.array(v.string()),
  proposedBy: v.string(),
  sequence: v.number(),
  cancelReason: v.nullable(v.string()),
  heldMinutes: v.nullable(v.number()),
  attendees: v.nullable(v.array(v.string())),
  loggedAt: v.nullable(timestamp),
  /** Held, and at least as long as the program's minimum meeting length. */
  countsTowardCadence: v.boolean(),
  /** The pair's shared notes; null for anyone outside the pair. */
  sharedNotes: v.nullable(v.string()),
  /** The viewer's own private note, if they wrote one; nobody else's, ever. */
  privateNote: v.nullable(v.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type MeetingView = v.InferOutput<typeof meetingView>;
export const meetingPage = page(meetingView);

export const calendarFeedView = v.object({
  /** The secret address to subscribe to; shown once, only its hash is kept. */
  url: v.string(),
});
export type CalendarFeedView = v.InferOutput<typeof calendarFeedView>;

/**
 * A calendar feed as calendar apps read it: an iCalendar document (RFC 5545), served as
 * text/calendar; not JSON.
 */
export const calendarDocument = v.pipe(
  v.string(),
  v.description("An iCalendar document (text/calendar), not JSON."),
);
