import { asc, eq } from "drizzle-orm";
import { meetingPrivateNotes, meetings } from "../../../../db/tenant/schema";
import { insertMatchRow } from "../../matching-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../../security";
import { openProgram } from "../enrollments";

const base = "/v1/matches/{matchId}/meetings";
const hour = 60 * 60 * 1000;

/** "2030-05-01T09:00" in UTC: how a person in UTC types that moment. */
const utcLocal = (at: Date) => at.toISOString().slice(0, 16);

/** An active match whose mentee is the caller, with one meeting they proposed. */
async function pairWithMeeting(ctx: RouteCtx, startsInMs: number) {
  const { programId } = await openProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: ctx.caller.id,
  });
  const now = ctx.env.clock.now;
  const meetingId = `mtg_${crypto.randomUUID().replaceAll("-", "")}`;
  await ctx.org.db.insert(meetings).values({
    id: meetingId,
    matchId,
    status: "scheduled",
    startsAt: new Date(now.getTime() + startsInMs),
    timeZone: "UTC",
    durationMinutes: 60,
    format: "video",
    videoUrl: "https://video.example/room",
    agenda: ["Recent challenges"],
    proposedBy: ctx.caller.id,
    createdAt: now,
    updatedAt: now,
  });
  return { matchId, meetingId, mentorId: mentor.id };
}

const upcoming = (ctx: RouteCtx) => pairWithMeeting(ctx, 7 * 24 * hour);
const justHeld = (ctx: RouteCtx) => pairWithMeeting(ctx, -2 * hour);

const matchMeetings = async ({ org, params }: Target) => ({
  meetings: await org.db
    .select()
    .from(meetings)
    .where(eq(meetings.matchId, params.matchId!))
    .orderBy(asc(meetings.id)),
  privateNotes: await org.db
    .select()
    .from(meetingPrivateNotes)
    .where(eq(meetingPrivateNotes.meetingId, params.meetingId ?? ""))
    .orderBy(asc(meetingPrivateNotes.authorId)),
});

export const meetingRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: base,
    caller: "member",
    scope: "meetings:read",
    success: 200,
    list: { paginated: true },
    prepare: upcoming,
  },
  {
    method: "POST",
    path: base,
    caller: "member",
    scope: "meetings:write",
    success: 201,
    prepare: upcoming,
    body: ({ env }) => ({
      startsAt: utcLocal(new Date(env.clock.now.getTime() + 3 * 24 * hour)),
      timeZone: "UTC",
      durationMinutes: 45,
      format: "in_person",
      place: "Library café",
    }),
    snapshot: matchMeetings,
    invalidBodies: ({ env }) => {
      const ahead = utcLocal(new Date(env.clock.now.getTime() + 3 * 24 * hour));
      const valid = { startsAt: ahead, timeZone: "UTC", durationMinutes: 45, format: "video" };
      return {
        "a time without a zone": { ...valid, timeZone: undefined },
        "a time with an offset instead of a zone": { ...valid, startsAt: `${ahead}+02:00` },
        "an unknown zone": { ...valid, timeZone: "Mars/Olympus" },
        "a time the clocks skip (DST gap)": {
          ...valid,
          startsAt: "2031-03-30T02:30",
          timeZone: "Europe/Berlin",
        },
        "a start in the past": { ...valid, startsAt: "2001-01-01T10:00" },
        "under five minutes": { ...valid, durationMinutes: 4 },
        "a video link without https": { ...valid, videoUrl: "http://video.example/room" },
        "an unknown format": { ...valid, format: "phone" },
      };
    },
  },
  {
    method: "GET",
    path: `${base}/{meetingId}`,
    caller: "member",
    scope: "meetings:read",
    success: 200,
    prepare: upcoming,
  },
  {
    method: "PATCH",
    path: `${base}/{meetingId}`,
    caller: "member",
    scope: "meetings:write",
    success: 200,
    prepare: upcoming,
    body: ({ env }) => ({
      startsAt: utcLocal(new Date(env.clock.now.getTime() + 8 * 24 * hour)),
      timeZone: "UTC",
      durationMinutes: 30,
    }),
    snapshot: matchMeetings,
    invalidBodies: () => ({
      "a start without its zone": { startsAt: "2031-05-01T10:00" },
      "nothing to change": {},
      "a time the clocks skip (DST gap)": {
        startsAt: "2031-03-30T02:30",
        timeZone: "Europe/Berlin",
      },
    }),
  },
  {
    method: "POST",
    path: `${base}/{meetingId}/cancel`,
    caller: "member",
    scope: "meetings:write",
    success: 200,
    prepare: upcoming,
    body: () => ({ reason: "Exam week" }),
    snapshot: matchMeetings,
    invalidBodies: () => ({ "no reason": {}, "a blank reason": { reason: "   " } }),
  },
  {
    method: "POST",
    path: `${base}/{meetingId}/log`,
    caller: "member",
    scope: "meetings:write",
    success: 200,
    prepare: justHeld,
    body: ({ params }) => ({ attendees: [params.mentorId], heldMinutes: 50 }),
    snapshot: matchMeetings,
    invalidBodies: ({ caller }) => ({
      "ending before it starts": { attendees: [caller.id], heldMinutes: 0 },
      "negative minutes": { attendees: [caller.id], heldMinutes: -30 },
      "nobody attended": { attendees: [], heldMinutes: 30 },
      "someone outside the pair": { attendees: ["someone-else"], heldMinutes: 30 },
      "ending in the future": { attendees: [caller.id], heldMinutes: 300 },
    }),
  },
  {
    method: "PUT",
    path: `${base}/{meetingId}/shared-notes`,
    caller: "member",
    scope: null,
    success: 200,
    prepare: upcoming,
    body: ({ env }) => ({ text: env.unique("We agreed to try the two-minute summary") }),
    snapshot: matchMeetings,
    invalidBodies: () => ({ "over 20,000 characters": { text: "x".repeat(20_001) } }),
  },
  {
    method: "PUT",
    path: `${base}/{meetingId}/private-note`,
    caller: "member",
    scope: null,
    success: 200,
    prepare: upcoming,
    body: ({ env }) => ({ text: env.unique("Ask about the internship") }),
    snapshot: matchMeetings,
    invalidBodies: () => ({ "over 20,000 characters": { text: "x".repeat(20_001) } }),
  },
];
