import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  CancelInput,
  LogInput,
  MeetingView,
} from "../../../../shared/src/contracts/relationship/meetings";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { requireActive } from "../pairs";
import { changeMeeting } from "./change";
import { meetingNotices } from "./notify";
import { openMeeting, requireScheduled, requireWriter } from "./store";

type MeetingIds = { matchId: string; meetingId: string };

/** Calls a scheduled meeting off with a reason; the other person is told. */
export async function cancelMeeting({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: CancelInput & MeetingIds;
}): Promise<MeetingView> {
  const { pair, meeting } = await openMeeting(ctx, input);
  requireWriter(pair);
  requireActive(pair);
  requireScheduled(meeting, "cancelled");
  const change = {
    status: "cancelled" as const,
    cancelReason: input.reason,
    sequence: meeting.sequence + 1,
    updatedAt: ctx.now,
  };
  const notices = await meetingNotices(ctx, pair, { ...meeting, ...change }, "cancelled");
  return changeMeeting(
    ctx,
    pair,
    meeting,
    change,
    { from: ["scheduled"], sameSequence: true },
    {
      action: "meeting.cancel",
      detail: { matchId: pair.match.id, startsAt: meeting.startsAt.toISOString() },
    },
    notices,
  );
}

/**
 * Records that a meeting took place: who came and how long it lasted. A meeting not yet begun
 * cannot be logged, nor one that would end in the future; a missed one can still be logged
 * late, and a logged one corrected.
 */
export async function logMeeting({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: LogInput & MeetingIds;
}): Promise<MeetingView> {
  const { pair, meeting } = await openMeeting(ctx, input);
  requireWriter(pair);
  requireActive(pair);
  if (meeting.status === "cancelled" || meeting.status === "proposed") {
    throw new AppError("conflict", `This meeting is ${meeting.status}; it cannot be logged.`);
  }
  if (meeting.startsAt.getTime() > ctx.now.getTime()) {
    throw new AppError("conflict", "This meeting has not started yet; log it once it took place.");
  }
  if (meeting.startsAt.getTime() + input.heldMinutes * 60_000 > ctx.now.getTime()) {
    throw invalidField(
      "heldMinutes",
      "heldMinutes: the meeting would end in the future; log the minutes it lasted so far.",
    );
  }
  const pairIds = new Set([pair.mentorId, pair.menteeId]);
  const attendees = [...new Set(input.attendees)];
  const stranger = attendees.find((id) => !pairIds.has(id));
  if (stranger !== undefined) {
    throw invalidField("attendees", "attendees: name only the two people of this pair.");
  }
  return changeMeeting(
    ctx,
    pair,
    meeting,
    {
      status: "held",
      heldMinutes: input.heldMinutes,
      attendees,
      loggedAt: ctx.now,
      updatedAt: ctx.now,
    },
    { from: ["scheduled", "missed", "held"], sameSequence: false },
    {
      action: "meeting.log",
      detail: { matchId: pair.match.id, heldMinutes: input.heldMinutes, attendees },
    },
  );
}
