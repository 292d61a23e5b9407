import { and, desc, eq, gte, inArray, isNull, ne } from "drizzle-orm";
import {
  calendarFeeds,
  matches,
  matchParticipants,
  meetings,
  members,
  programs,
} from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import { hashToken } from "../../../../shared/src/security/opaque-tokens";
import type { OrgCtx } from "../../http/app-env";
import { type FeedMeeting, icsOf } from "./ics";

/** How far back a feed reaches, and the most events it carries. */
const pastDays = 180;
const maxEvents = 500;

const noFeed = () => new AppError("not_found", "No such calendar feed.");

/**
 * The calendar behind a secret address: the member's meetings from the last six months on,
 * with the other person's name and the program. An unknown or revoked address, or one of a
 * member who is no longer active, is a 404 like any other.
 */
export async function calendarFeed({
  ctx,
  file,
}: {
  ctx: OrgCtx;
  /** The address's last segment, `<token>.ics`. */
  file: string;
}): Promise<string> {
  const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file)?.[1];
  if (!token) throw noFeed();
  const [feed] = await ctx.db
    .select({ memberId: calendarFeeds.memberId })
    .from(calendarFeeds)
    .innerJoin(members, eq(members.id, calendarFeeds.memberId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, await hashToken(token)),
        isNull(calendarFeeds.revokedAt),
        eq(members.status, "active"),
      ),
    );
  if (!feed) throw noFeed();
  return icsOf(ctx.tenant.name, await meetingsOf(ctx, feed.memberId));
}

async function meetingsOf(ctx: OrgCtx, memberId: string): Promise<FeedMeeting[]> {
  const since = new Date(ctx.now.getTime() - pastDays * 86_400_000);
  const rows = await ctx.db
    .select({ meeting: meetings, programName: programs.name })
    .from(meetings)
    .innerJoin(
      matchParticipants,
      and(
        eq(matchParticipants.matchId, meetings.matchId),
        eq(matchParticipants.memberId, memberId),
      ),
    )
    .innerJoin(matches, eq(matches.id, meetings.matchId))
    .innerJoin(programs, eq(programs.id, matches.programId))
    .where(and(ne(meetings.status, "proposed"), gte(meetings.startsAt, since)))
    .orderBy(desc(meetings.startsAt))
    .limit(maxEvents);
  if (rows.length === 0) return [];
  const others = await ctx.db
    .select({
      matchId: matchParticipants.matchId,
      displayName: members.displayName,
    })
    .from(matchParticipants)
    .innerJoin(members, eq(members.id, matchParticipants.memberId))
    .where(
      and(
        inArray(matchParticipants.matchId, [...new Set(rows.map((r) => r.meeting.matchId))]),
        ne(matchParticipants.memberId, memberId),
      ),
    );
  const otherByMatch = new Map(others.map((o) => [o.matchId, o.displayName]));
  return rows.map(({ meeting, programName }) => ({
    meeting,
    programName,
    otherName: otherByMatch.get(meeting.matchId) ?? "your partner",
  }));
}
