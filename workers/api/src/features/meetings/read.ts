import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { meetings } from "../../../../../db/tenant/schema";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type {
  MeetingsQuery,
  MeetingView,
} from "../../../../shared/src/contracts/relationship/meetings";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { openPair } from "../pairs";
import { openMeeting } from "./store";
import { meetingViews } from "./views";

/** A pair's meetings, latest start first; the pair, coordinators and integrations read them. */
export async function listMeetings({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: MeetingsQuery & { matchId: string };
}): Promise<Page<MeetingView>> {
  // A cursor this list never handed out is a 400 whoever asks, before the pair is looked up.
  const after = input.cursor ? decodeCursor(input.cursor, timeIdKey) : null;
  const pair = await openPair(ctx, input.matchId);
  const where: SQL[] = [eq(meetings.matchId, pair.match.id)];
  if (input.status) where.push(eq(meetings.status, input.status));
  if (after) {
    const [at, id] = after;
    const before = or(
      lt(meetings.startsAt, new Date(at)),
      and(eq(meetings.startsAt, new Date(at)), lt(meetings.id, id)),
    );
    if (before) where.push(before);
  }
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(and(...where))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.startsAt.getTime(), last.id]);
  return { items: await meetingViews(ctx, pair, page.items), nextCursor: page.nextCursor };
}

export async function getMeeting({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; meetingId: string };
}): Promise<MeetingView> {
  const { pair, meeting } = await openMeeting(ctx, input);
  const [view] = await meetingViews(ctx, pair, [meeting]);
  return view!;
}
