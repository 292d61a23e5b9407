import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { matches, matchParticipants } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { MatchStatus, MatchView } from "../../../../shared/src/contracts/matches";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { authorize, requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { findProgram } from "../programs";
import { type Match, matchViews } from "./views";

const notFound = () => new AppError("not_found", "No such match in this program.");

/** One match of a program; another program's or tenant's id is as unknown as a made-up one. */
export async function findMatch(
  db: Pick<TenantDb, "select">,
  programId: string,
  matchId: string,
): Promise<Match> {
  const [row] = await db
    .select()
    .from(matches)
    .where(and(eq(matches.id, matchId), eq(matches.programId, programId)));
  if (!row) throw notFound();
  return row;
}

/** The mentor and mentee of a one-to-one match. */
export async function pairOf(
  db: Pick<TenantDb, "select">,
  matchId: string,
): Promise<{ mentorId: string; menteeId: string }> {
  const people = await db
    .select()
    .from(matchParticipants)
    .where(eq(matchParticipants.matchId, matchId));
  const mentorId = people.find((p) => p.role === "mentor")?.memberId;
  const menteeId = people.find((p) => p.role === "mentee")?.memberId;
  if (!mentorId || !menteeId) throw notFound();
  return { mentorId, menteeId };
}

/**
 * A program's matches, newest first, by status and/or person: with `memberId`, that person's
 * match history in the program, whatever their role.
 */
export async function listMatches({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: {
    programId: string;
    limit: number;
    cursor?: string | undefined;
    status?: MatchStatus | undefined;
    memberId?: string | undefined;
  };
}): Promise<Page<MatchView>> {
  authorize(ctx.actor, "matches:read");
  // A cursor is checked before anything is read: a bad one is a 400 whatever the program.
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, timeIdKey);
  const program = await findProgram(ctx.db, input.programId);
  const withMember = input.memberId
    ? inArray(
        matches.id,
        ctx.db
          .select({ id: matchParticipants.matchId })
          .from(matchParticipants)
          .where(
            and(
              eq(matchParticipants.programId, program.id),
              eq(matchParticipants.memberId, input.memberId),
            ),
          ),
      )
    : undefined;
  const rows = await ctx.db
    .select()
    .from(matches)
    .where(
      and(
        eq(matches.programId, program.id),
        input.status ? eq(matches.status, input.status) : undefined,
        withMember,
        after
          ? or(
              lt(matches.createdAt, new Date(after[0])),
              and(eq(matches.createdAt, new Date(after[0])), lt(matches.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(matches.createdAt), desc(matches.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.createdAt.getTime(), last.id]);
  return { ...page, items: await matchViews(ctx.db, page.items) };
}

export async function getMatch({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; matchId: string };
}): Promise<MatchView> {
  const match = await findMatch(ctx.db, input.programId, input.matchId);
  if (!canSee(ctx, await pairOf(ctx.db, match.id))) throw notFound();
  const [view] = await matchViews(ctx.db, [match]);
  return view!;
}

/** Coordinators see every match; a member sees the matches they are in. */
function canSee(ctx: TenantCtx, pair: { mentorId: string; menteeId: string }): boolean {
  if (ctx.actor.kind === "member" && ctx.actor.role !== "admin") {
    return pair.mentorId === ctx.actor.memberId || pair.menteeId === ctx.actor.memberId;
  }
  authorize(ctx.actor, "matches:read");
  return true;
}

/** The signed-in member's matches in every program, newest first (requests included). */
export async function listMyMatches({ ctx }: { ctx: TenantCtx }): Promise<{ items: MatchView[] }> {
  const me = requireMember(ctx.actor);
  const rows = await ctx.db
    .select({ match: matches })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.memberId, me.memberId),
        inArray(matches.status, ["pending_acceptance", "active", "declined", "expired", "closed"]),
      ),
    )
    .orderBy(desc(matches.createdAt), desc(matches.id))
    .limit(200);
  return {
    items: await matchViews(
      ctx.db,
      rows.map((r) => r.match),
    ),
  };
}
