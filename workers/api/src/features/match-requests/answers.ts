import { and, asc, eq, gt } from "drizzle-orm";
import { matches, matchParticipants } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchView } from "../../../../shared/src/contracts/matches";
import { activeCount, deadline, endRequest } from "../../../../shared/src/matching-requests";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { activateInTx, assertMatchingOn, type Match, matchViews, pairOf } from "../matches";
import { findProgram } from "../programs";
import { requestDeps } from "./program";

/** Requests waiting for the signed-in mentor's answer, the soonest deadline first. */
export async function listMyRequests({ ctx }: { ctx: TenantCtx }): Promise<{ items: MatchView[] }> {
  const { memberId } = requireMember(ctx.actor);
  const rows = await ctx.db
    .select({ match: matches })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.memberId, memberId),
        eq(matchParticipants.role, "mentor"),
        eq(matches.status, "pending_acceptance"),
        gt(matches.expiresAt, ctx.now),
      ),
    )
    .orderBy(asc(matches.expiresAt), asc(matches.id))
    .limit(200);
  return {
    items: await matchViews(
      ctx.db,
      rows.map((r) => r.match),
    ),
  };
}

/**
 * A request addressed to the signed-in mentor that they can still answer. Anyone else's
 * request is as unknown as a made-up id (404); one already answered or lapsed is a 409.
 */
async function myOpenRequest(ctx: TenantCtx, matchId: string) {
  const { memberId } = requireMember(ctx.actor);
  const [row] = await ctx.db
    .select({ match: matches })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.matchId, matchId),
        eq(matchParticipants.memberId, memberId),
        eq(matchParticipants.role, "mentor"),
        eq(matches.mode, "mentee_chooses"),
      ),
    );
  // A stable run's proposals are the coordinator's to approve, not requests to answer.
  if (!row || row.match.runId !== null) {
    throw new AppError("not_found", "No request for you has this id.");
  }
  assertOpen(row.match, ctx.now);
  const pair = await pairOf(ctx.db, row.match.id);
  return { match: row.match, pair };
}

function assertOpen(match: Match, now: Date) {
  if (match.status !== "pending_acceptance") {
    throw new AppError(
      "conflict",
      `This request is ${match.status.replace("_", " ")} already; it cannot be answered.`,
    );
  }
  if (match.expiresAt && match.expiresAt <= now) {
    throw new AppError(
      "conflict",
      `This request lapsed on ${deadline(match.expiresAt)}; it can no longer be answered.`,
    );
  }
}

/** The mentor takes the mentee on: the match is active (capacity checked) and both welcomed. */
export async function acceptRequest({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<MatchView> {
  const { match, pair } = await myOpenRequest(ctx, input.matchId);
  const program = await findProgram(ctx.db, match.programId);
  assertMatchingOn(program);
  const capacity = program.rules.matching.mentorCapacity;
  if ((await activeCount(ctx.db, program.id, pair.mentorId, "mentor")) >= capacity) {
    throw new AppError(
      "conflict",
      `You have no open place in this program (at most ${capacity} mentees at once); decline the request or end a match first.`,
    );
  }
  await ctx.db.transaction((tx) =>
    activateInTx(tx, ctx, program, [
      { id: match.id, ...pair, reasons: match.reasons, how: "accepted by the mentor" },
    ]),
  );
  return view(ctx, match.id);
}

/** The mentor declines: the mentee's next choice is asked, and the mentee is told. */
export async function declineRequest({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<MatchView> {
  const { match, pair } = await myOpenRequest(ctx, input.matchId);
  const program = await findProgram(ctx.db, match.programId);
  const request = { id: match.id, choiceRank: match.choiceRank, ...pair };
  const ended = await ctx.db.transaction((tx) =>
    endRequest(tx, requestDeps(ctx), program, request, "declined"),
  );
  if (!ended) throw new AppError("conflict", "This request was answered or lapsed meanwhile.");
  return view(ctx, match.id);
}

async function view(ctx: TenantCtx, matchId: string): Promise<MatchView> {
  const [row] = await ctx.db.select().from(matches).where(eq(matches.id, matchId));
  const [answer] = await matchViews(ctx.db, [row!]);
  return answer!;
}
