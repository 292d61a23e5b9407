import { eq } from "drizzle-orm";
import { members } from "../../../../../db/tenant/schema";
import type { TimelinePage } from "../../../../shared/src/contracts/relationship/timeline";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { displayNames } from "../matches";
import { accessOf, openPair } from "../pairs";
import { timelineItems } from "./items";
import { nextStep } from "./next";
import { pairRecords } from "./sources";

/**
 * A pair's timeline, newest first, as far as the caller may see each record, and (on the first
 * page, for the pair's two people) the one thing to do next.
 */
export async function getTimeline({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; limit: number; cursor?: string | undefined };
}): Promise<TimelinePage> {
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor, timeIdKey);
  const pair = await openPair(ctx, input.matchId);
  const [records, names, timeZone] = await Promise.all([
    pairRecords(ctx.db, pair.match.id),
    displayNames(ctx.db, [pair.mentorId, pair.menteeId]),
    zoneOf(ctx, pair.actorId),
  ]);
  const today = dayIn(ctx.now, timeZone);
  const viewer = {
    id: pair.actorId,
    access: (kind: Parameters<typeof accessOf>[2], authorId: string | null) =>
      accessOf(ctx, pair, kind, authorId),
    names,
    timeZone,
    today,
  };
  const sorted = timelineItems(records, viewer).sort(
    (a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  const rest = after
    ? sorted.filter((i) => {
        const at = i.at.getTime();
        return at < after[0] || (at === after[0] && i.id < after[1]);
      })
    : sorted;
  const page = pageOf(rest.slice(0, input.limit + 1), input.limit, (last) => [
    last.at.getTime(),
    last.id,
  ]);
  const role = pair.seat === "mentor" || pair.seat === "mentee" ? pair.seat : null;
  const next =
    role && !after
      ? nextStep({
          records,
          rules: pair.program.rules,
          role,
          viewerId: pair.actorId,
          now: ctx.now,
          today,
          timeZone,
        })
      : null;
  return {
    next,
    items: page.items.map((i) => ({ ...i, at: i.at.toISOString() })),
    nextCursor: page.nextCursor,
  };
}

async function zoneOf(ctx: TenantCtx, memberId: string): Promise<string> {
  if (ctx.actor.kind !== "member") return "UTC";
  const [row] = await ctx.db
    .select({ timeZone: members.timeZone })
    .from(members)
    .where(eq(members.id, memberId));
  return row?.timeZone || "UTC";
}

/** The calendar day at `now` in a zone, YYYY-MM-DD. */
function dayIn(now: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}
