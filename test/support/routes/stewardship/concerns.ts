import { asc, eq, inArray } from "drizzle-orm";
import { concernNotes, concerns } from "../../../../db/tenant/schema";
import { insertMatchRow } from "../../matching-fixtures";
import type { RouteCtx, RouteSpec, Target } from "../../security";
import { openProgram, programBase } from "../enrollments";

/** A concern raised by `raiserId` in a match whose mentee it is; its text names the org. */
async function concernIn(ctx: RouteCtx, raiserId: string) {
  const { programId } = await openProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: raiserId,
  });
  const concernId = ctx.env.unique("cnc");
  const now = ctx.env.clock.now;
  await ctx.org.db.insert(concerns).values({
    id: concernId,
    matchId,
    programId,
    raisedBy: raiserId,
    urgency: "normal",
    whatHappened: `${ctx.org.slug}: my mentor keeps cancelling at the last minute`,
    wantsContact: true,
    status: "open",
    createdAt: now,
    updatedAt: now,
  });
  return { programId, matchId, concernId };
}

/** The caller raised a concern about the match they are the mentee of. */
const raisedByCaller = (ctx: RouteCtx) => concernIn(ctx, ctx.caller.id);

/** A concern of a pair the caller (a coordinator) is not in, for them to handle. */
const raisedByOthers = async (ctx: RouteCtx) =>
  concernIn(ctx, (await ctx.env.addMember(ctx.org)).id);

/** An active match whose mentee is the caller, with nothing raised yet. */
async function pairOfCaller(ctx: RouteCtx) {
  const { programId } = await openProgram(ctx);
  const mentor = await ctx.env.addMember(ctx.org);
  const matchId = await insertMatchRow(ctx.org.db, {
    programId,
    mentorId: mentor.id,
    menteeId: ctx.caller.id,
  });
  return { programId, matchId };
}

const matchConcerns = async ({ org, params }: Target) => {
  const rows = await org.db
    .select()
    .from(concerns)
    .where(eq(concerns.matchId, params.matchId!))
    .orderBy(asc(concerns.id));
  const notes =
    rows.length === 0
      ? []
      : await org.db
          .select()
          .from(concernNotes)
          .where(
            inArray(
              concernNotes.concernId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(concernNotes.id));
  return { rows, notes };
};

const matchBase = "/v1/matches/{matchId}/concerns";
const oneConcern = `${matchBase}/{concernId}`;

export const concernRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/me/concerns",
    caller: "anyMember",
    scope: null,
    success: 200,
    list: { paginated: false },
    prepare: raisedByCaller,
  },
  {
    method: "GET",
    path: `${programBase}/concerns`,
    caller: "admin",
    scope: "concerns:read",
    success: 200,
    list: { paginated: true },
    prepare: raisedByCaller,
  },
  {
    method: "GET",
    path: matchBase,
    caller: "member",
    scope: "concerns:read",
    success: 200,
    list: { paginated: false },
    prepare: raisedByCaller,
    headers: { "read-reason": "concern_follow_up" },
  },
  {
    method: "POST",
    path: matchBase,
    caller: "member",
    scope: null,
    success: 201,
    prepare: pairOfCaller,
    body: () => ({
      whatHappened: "We have not met in a month",
      urgency: "low",
      wantsContact: false,
    }),
    snapshot: matchConcerns,
    invalidBodies: () => ({
      "nothing said": { whatHappened: "  ", urgency: "low", wantsContact: false },
      "an unknown urgency": { whatHappened: "Hm", urgency: "asap", wantsContact: false },
      "wantsContact as text": { whatHappened: "Hm", urgency: "low", wantsContact: "yes" },
      "over 4000 characters": {
        whatHappened: "x".repeat(4001),
        urgency: "low",
        wantsContact: true,
      },
    }),
  },
  {
    method: "POST",
    path: `${oneConcern}/acknowledge`,
    caller: "admin",
    scope: null,
    success: 200,
    prepare: raisedByOthers,
    snapshot: matchConcerns,
  },
  {
    method: "POST",
    path: `${oneConcern}/notes`,
    caller: "admin",
    scope: null,
    success: 201,
    prepare: raisedByOthers,
    body: () => ({ text: "Called her; meeting both on Friday" }),
    snapshot: matchConcerns,
    invalidBodies: () => ({
      "an empty note": { text: "" },
      "a note over 4000 characters": { text: "x".repeat(4001) },
    }),
  },
  {
    method: "POST",
    path: `${oneConcern}/resolve`,
    caller: "admin",
    scope: null,
    success: 200,
    prepare: raisedByOthers,
    body: () => ({ resolution: "We spoke with both of you and agreed fixed meeting days." }),
    snapshot: matchConcerns,
    invalidBodies: () => ({
      "no resolution": {},
      "a blank resolution": { resolution: "   " },
      "a resolution over 2000 characters": { resolution: "x".repeat(2001) },
    }),
  },
];
