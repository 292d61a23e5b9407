import { eq } from "drizzle-orm";
import { supportContacts } from "../../../../db/tenant/schema";
import { addDays, dayIn } from "../../../../workers/shared/src/domain/check-in-periods";
import type { RouteCtx, RouteSpec } from "../../security";
import { programBase } from "../enrollments";
import { settledPair } from "../relationship/commitments";

/** A pair of two other members, begun 40 days ago: the admin calling is its coordinator. */
async function supportedPair(ctx: RouteCtx) {
  const mentee = await ctx.env.addMember(ctx.org);
  const { programId, matchId, mentorId } = await settledPair({ ...ctx, caller: mentee }, 40);
  return { programId, matchId, mentorId, menteeId: mentee.id };
}

const today = (ctx: RouteCtx) => dayIn(ctx.env.clock.now, "UTC");

export const supportRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/matches/{matchId}/support-contacts",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: async (ctx) => {
      const { matchId, programId, menteeId } = await supportedPair(ctx);
      await ctx.org.db.insert(supportContacts).values({
        id: ctx.env.unique("sup"),
        matchId,
        programId,
        coordinatorId: ctx.org.admin.id,
        memberId: menteeId,
        channel: "video",
        contactedOn: today(ctx),
        note: "First-month call",
        createdAt: ctx.env.clock.now,
      });
      return { matchId };
    },
  },
  {
    method: "POST",
    path: "/v1/matches/{matchId}/support-contacts",
    caller: "admin",
    scope: null,
    success: 201,
    prepare: async (ctx) => {
      const { matchId, menteeId } = await supportedPair(ctx);
      return { matchId, menteeId };
    },
    body: (ctx) => ({
      contactedOn: today(ctx),
      channel: "call",
      memberId: ctx.params.menteeId,
      note: "Talked through the first month; both feel it is going well.",
    }),
    snapshot: async ({ org, params }) =>
      org.db.select().from(supportContacts).where(eq(supportContacts.matchId, params.matchId!)),
    invalidBodies: (ctx) => {
      const valid = { contactedOn: today(ctx), channel: "call", note: "" };
      return {
        "a day still to come": { ...valid, contactedOn: addDays(today(ctx), 2) },
        "a day that does not exist": { ...valid, contactedOn: "2030-02-30" },
        "an unknown channel": { ...valid, channel: "pigeon" },
        "someone outside the pair": { ...valid, memberId: ctx.org.other.id },
        "a note over 4,000 characters": { ...valid, note: "x".repeat(4001) },
        "no note at all": { contactedOn: valid.contactedOn, channel: "call" },
      };
    },
  },
  {
    method: "GET",
    path: `${programBase}/support/overdue`,
    caller: "admin",
    scope: null,
    success: 200,
    list: { paginated: false },
    prepare: async (ctx) => {
      const { programId } = await supportedPair(ctx);
      return { programId };
    },
  },
];
