import { pairReads } from "../../../../db/tenant/schema";
import type { RouteCtx, RouteSpec } from "../../security";
import { settledPair } from "../relationship/commitments";

/** A pair whose mentee is the caller, and one read of its check-in answers by the admin. */
async function readPair(ctx: RouteCtx) {
  const { matchId } = await settledPair(ctx, 35);
  await ctx.org.db.insert(pairReads).values({
    id: ctx.env.unique("read"),
    matchId,
    readerId: ctx.org.admin.id,
    kind: "check_in_answers",
    reason: "check_in_follow_up",
    at: ctx.env.clock.now,
  });
  return { matchId };
}

export const pairReadRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/matches/{matchId}/reads",
    caller: "member",
    scope: null,
    success: 200,
    prepare: readPair,
  },
];
