import { meetings } from "../../../../../db/tenant/schema";
import type {
  MeetingFormat,
  MeetingView,
  RescheduleInput,
  ScheduleInput,
} from "../../../../shared/src/contracts/relationship/meetings";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import { openPair, type Pair, requireActive } from "../pairs";
import { composeAgenda } from "./agenda";
import { changeMeeting } from "./change";
import { instantOf } from "./local-time";
import { meetingNotices } from "./notify";
import { openCommitmentsOf, openMeeting, requireScheduled, requireWriter } from "./store";
import { meetingViews } from "./views";

const newMeetingId = () => `mtg_${crypto.randomUUID().replaceAll("-", "")}`;

const formatWords = { in_person: "in person", video: "by video" } as const;

/** Where the program says how pairs meet, a meeting keeps to it. */
function requireFormat(pair: Pair, format: MeetingFormat): void {
  const allowed = pair.program.rules.meetings.format;
  if (allowed !== "either" && allowed !== format) {
    throw invalidField("format", `format: pairs in this program meet ${formatWords[allowed]}.`);
  }
}

/** The instant a typed time names, which must still lie ahead. */
function futureStart(ctx: TenantCtx, local: string, timeZone: string): Date {
  const startsAt = instantOf(local, timeZone);
  if (startsAt.getTime() <= ctx.now.getTime()) {
    throw invalidField(
      "startsAt",
      `startsAt: ${local} in ${timeZone} has already passed; choose a time ahead.`,
    );
  }
  return startsAt;
}

/**
 * One of the pair (or an integration acting for the program) puts a meeting in the calendar.
 * The proposer's choice schedules it at once; the other person is told by email and sees it
 * on their own clock. The agenda starts from the program's items and what the pair still owes
 * each other.
 */
export async function scheduleMeeting({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ScheduleInput & { matchId: string };
}): Promise<MeetingView> {
  const pair = await openPair(ctx, input.matchId);
  requireWriter(pair);
  requireActive(pair);
  requireFormat(pair, input.format);
  const startsAt = futureStart(ctx, input.startsAt, input.timeZone);
  const agenda = composeAgenda(
    pair.program.rules.meetings.agenda,
    await openCommitmentsOf(ctx.db, pair.match.id),
    input.agenda ?? [],
  );
  const meeting = {
    id: newMeetingId(),
    matchId: pair.match.id,
    status: "scheduled" as const,
    startsAt,
    timeZone: input.timeZone,
    durationMinutes: input.durationMinutes,
    format: input.format,
    place: input.place ?? null,
    videoUrl: input.videoUrl ?? null,
    agenda,
    sharedNotes: "",
    proposedBy: pair.actorId,
    cancelReason: null,
    heldMinutes: null,
    attendees: null,
    loggedAt: null,
    sequence: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.batch([
    ctx.db.insert(meetings).values(meeting),
    auditInsert(ctx, {
      action: "meeting.schedule",
      subjectType: "meeting",
      subjectId: meeting.id,
      detail: { matchId: pair.match.id, startsAt: startsAt.toISOString() },
    }),
    ...(await meetingNotices(ctx, pair, meeting, "scheduled")),
  ]);
  const [view] = await meetingViews(ctx, pair, [meeting]);
  return view!;
}

/**
 * Moves a scheduled meeting: a new start (typed with its zone), length, place or link. The
 * sequence grows, so calendar apps replace the event they hold, and the other person is told.
 */
export async function rescheduleMeeting({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: RescheduleInput & { matchId: string; meetingId: string };
}): Promise<MeetingView> {
  const { pair, meeting } = await openMeeting(ctx, input);
  requireWriter(pair);
  requireActive(pair);
  requireScheduled(meeting, "moved");
  const { startsAt: local, timeZone, durationMinutes, place, videoUrl } = input;
  if ((local === undefined) !== (timeZone === undefined)) {
    const missing = local === undefined ? "startsAt" : "timeZone";
    throw invalidField(missing, `${missing}: a new start needs both startsAt and timeZone.`);
  }
  if ([local, durationMinutes, place, videoUrl].every((v) => v === undefined)) {
    throw invalidField("startsAt", "Nothing to change: give a new start, length, place or link.");
  }
  const change = {
    ...(local !== undefined && timeZone !== undefined
      ? { startsAt: futureStart(ctx, local, timeZone), timeZone }
      : {}),
    ...(durationMinutes !== undefined ? { durationMinutes } : {}),
    ...(place !== undefined ? { place } : {}),
    ...(videoUrl !== undefined ? { videoUrl } : {}),
    sequence: meeting.sequence + 1,
    updatedAt: ctx.now,
  };
  const moved = { ...meeting, ...change };
  // The sequence is part of the WHERE: of two concurrent moves only one wins, and the other's
  // email and audit entry roll back with it.
  const notices = await meetingNotices(ctx, pair, moved, "moved", meeting.startsAt);
  return changeMeeting(
    ctx,
    pair,
    meeting,
    change,
    { from: ["scheduled"], sameSequence: true },
    {
      action: "meeting.reschedule",
      detail: {
        matchId: pair.match.id,
        from: meeting.startsAt.toISOString(),
        to: moved.startsAt.toISOString(),
        sequence: moved.sequence,
      },
    },
    notices,
  );
}
