import { eq } from "drizzle-orm";
import { matches } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchStatus } from "../../../../shared/src/contracts/matches";
import { type Access, accessTo, type RecordKind } from "../../../../shared/src/security/visibility";
import type { TenantCtx } from "../../http/app-env";
import { type Match, pairOf } from "../matches";
import { coordinatesProgram } from "../program-coordinators";
import { findProgram, type Program } from "../programs";

/** The caller's place in a pair: one of its two people, a coordinator, or an integration. */
export type PairSeat = "mentor" | "mentee" | "coordinator" | "integration";

export interface Pair {
  match: Match;
  program: Program;
  mentorId: string;
  menteeId: string;
  seat: PairSeat;
  /** The acting member's id, or the client's id for an integration. */
  actorId: string;
}

const notFound = () => new AppError("not_found", "No such match.");

/**
 * The match the caller acts on, and their seat in it. A member who is neither in the pair
 * nor an admin gets 404, as for a match that does not exist: a pair's life is not theirs
 * to see; so does an admin who does not coordinate the program while it has assigned
 * coordinators (features/program-coordinators). Integrations reach it only through routes
 * whose scope they hold.
 */
export async function openPair(ctx: TenantCtx, matchId: string): Promise<Pair> {
  const [match] = await ctx.db.select().from(matches).where(eq(matches.id, matchId));
  if (!match) throw notFound();
  const { mentorId, menteeId } = await pairOf(ctx.db, match.id);
  const seat = seatOf(ctx, mentorId, menteeId);
  if (!seat) throw notFound();
  const actorId = ctx.actor.kind === "member" ? ctx.actor.memberId : ctx.actor.clientId;
  if (seat === "coordinator" && !(await coordinatesProgram(ctx.db, match.programId, actorId))) {
    throw notFound();
  }
  const program = await findProgram(ctx.db, match.programId);
  return { match, program, mentorId, menteeId, seat, actorId };
}

function seatOf(ctx: TenantCtx, mentorId: string, menteeId: string): PairSeat | null {
  const { actor } = ctx;
  if (actor.kind === "client") return "integration";
  if (actor.memberId === mentorId) return "mentor";
  if (actor.memberId === menteeId) return "mentee";
  return actor.role === "admin" ? "coordinator" : null;
}

/** The other person of the pair, for one of its two people. */
export function partnerOf(pair: Pair): string {
  if (pair.seat === "mentor") return pair.menteeId;
  if (pair.seat === "mentee") return pair.mentorId;
  throw new AppError("forbidden", "Only the two people of a pair act on their own relationship.");
}

/** One of the pair's two people, or 403: coordinators and integrations read, the pair writes. */
export function requirePairMember(pair: Pair): "mentor" | "mentee" {
  if (pair.seat === "mentor" || pair.seat === "mentee") return pair.seat;
  throw new AppError("forbidden", "Only the two people of a pair act on their own relationship.");
}

const statusWords: Record<MatchStatus, string> = {
  proposed: "only proposed",
  pending_acceptance: "still waiting for the mentor's answer",
  active: "active",
  closing: "wrapping up before it closes",
  declined: "declined",
  expired: "expired",
  closed: "closed",
};

/** Changes to a relationship happen while it is active; a closed match keeps its history. */
export function requireActive(pair: Pair): void {
  if (pair.match.status !== "active") {
    throw new AppError(
      "conflict",
      `This match is ${statusWords[pair.match.status]}; its records can be read but not changed.`,
    );
  }
}

/**
 * What the caller may see of a record of `kind` in this pair, given who wrote it (or whose it
 * is): the visibility table, applied to a seat.
 */
export function accessOf(
  ctx: TenantCtx,
  pair: Pair,
  kind: RecordKind,
  authorId: string | null,
): Access {
  if (pair.seat === "integration") {
    return accessTo(kind, { scopes: ctx.actor.kind === "client" ? ctx.actor.scopes : [] });
  }
  if (pair.seat === "coordinator") return accessTo(kind, "coordinator");
  return accessTo(kind, authorId === null || authorId === pair.actorId ? "author" : "partner");
}
