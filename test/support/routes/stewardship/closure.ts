import { eq } from "drizzle-orm";
import { matchClosures, matches } from "../../../../db/tenant/schema";
import { insertMatchRow } from "../../matching-fixtures";
import { insertProgram } from "../../programs-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../../security";

/** An active match whose mentee is the caller. */
async function activePair(ctx: RouteCtx) {
  const programId = await insertProgram(ctx.org.db, { name: `${ctx.org.slug} program` });
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: ctx.caller.id,
  });
  return { programId, matchId };
}

const matchAndClosure = async ({ org, params }: Target) => ({
  match: await org.db.select().from(matches).where(eq(matches.id, params.matchId!)),
  closure: await org.db
    .select()
    .from(matchClosures)
    .where(eq(matchClosures.matchId, params.matchId!)),
});

export const closureRouteSpecs: RouteSpec[] = [
  {
    method: "POST",
    path: "/v1/matches/{matchId}/close",
    caller: "member",
    scope: null,
    success: 200,
    prepare: activePair,
    body: () => ({ reasonCode: "schedule", reasonText: "Evenings are gone" }),
    snapshot: matchAndClosure,
    invalidBodies: () => ({
      "no reason": {},
      "a reason not on the list": { reasonCode: "bored" },
      "a reason text over 1000 characters": { reasonCode: "other", reasonText: "x".repeat(1001) },
    }),
  },
];
