import { and, eq, inArray } from "drizzle-orm";
import { meetingPrivateNotes, members } from "../../../../../db/tenant/schema";
import type { MeetingView } from "../../../../shared/src/contracts/relationship/meetings";
import type { TenantCtx } from "../../http/app-env";
import { accessOf, type Pair } from "../pairs";
import { zonedTime } from "./local-time";
import type { Meeting } from "./store";

/** Held, and long enough to count toward the program's meeting rhythm. */
export function countsTowardCadence(meeting: Meeting, minMinutes: number): boolean {
  return meeting.status === "held" && (meeting.heldMinutes ?? 0) >= minMinutes;
}

/**
 * Meetings as this viewer may see them (security/visibility.ts): the meeting itself for
 * everyone the route lets in, shared notes for the pair, and a private note only for the one
 * who wrote it. Other people's private notes are never even read from the database.
 */
export async function meetingViews(
  ctx: TenantCtx,
  pair: Pair,
  rows: readonly Meeting[],
): Promise<MeetingView[]> {
  if (rows.length === 0) return [];
  const viewerZone = await viewerTimeZone(ctx);
  const ownNotes = await ownPrivateNotes(ctx, pair, rows);
  const minMinutes = pair.program.rules.meetings.minMinutes;
  return rows.map((m) => {
    const sharedNotes =
      accessOf(ctx, pair, "sharedNote", m.proposedBy) === "full" ? m.sharedNotes : null;
    const note = ownNotes.get(m.id);
    const privateNote =
      note !== undefined && accessOf(ctx, pair, "privateNote", pair.actorId) === "full"
        ? note
        : null;
    return {
      id: m.id,
      matchId: m.matchId,
      status: m.status,
      start: {
        utc: m.startsAt.toISOString(),
        proposer: zonedTime(m.startsAt, m.timeZone),
        viewer: zonedTime(m.startsAt, viewerZone),
      },
      endsAt: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000).toISOString(),
      durationMinutes: m.durationMinutes,
      format: m.format,
      place: m.place,
      videoUrl: m.videoUrl,
      agenda: m.agenda,
      proposedBy: m.proposedBy,
      sequence: m.sequence,
      cancelReason: m.cancelReason,
      heldMinutes: m.heldMinutes,
      attendees: m.attendees,
      loggedAt: m.loggedAt?.toISOString() ?? null,
      countsTowardCadence: countsTowardCadence(m, minMinutes),
      sharedNotes,
      privateNote,
      createdAt: m.createdAt.toISOString(),
      updatedAt: m.updatedAt.toISOString(),
    };
  });
}

async function viewerTimeZone(ctx: TenantCtx): Promise<string> {
  if (ctx.actor.kind !== "member") return "UTC";
  const [me] = await ctx.db
    .select({ timeZone: members.timeZone })
    .from(members)
    .where(eq(members.id, ctx.actor.memberId));
  return me?.timeZone ?? "UTC";
}

/** The viewer's own private notes on these meetings: only one of the pair has any. */
async function ownPrivateNotes(
  ctx: TenantCtx,
  pair: Pair,
  rows: readonly Meeting[],
): Promise<Map<string, string>> {
  if (pair.seat !== "mentor" && pair.seat !== "mentee") return new Map();
  const notes = await ctx.db
    .select({ meetingId: meetingPrivateNotes.meetingId, text: meetingPrivateNotes.text })
    .from(meetingPrivateNotes)
    .where(
      and(
        eq(meetingPrivateNotes.authorId, pair.actorId),
        inArray(
          meetingPrivateNotes.meetingId,
          rows.map((m) => m.id),
        ),
      ),
    );
  return new Map(notes.map((n) => [n.meetingId, n.text]));
}
