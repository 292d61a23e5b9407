import type { RouteSpec } from "../../security";
import { programBase } from "../enrollments";
import { settledPair } from "../relationship/commitments";

export const healthSignalRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/matches/{matchId}/health",
    caller: "member",
    scope: "matches:read",
    success: 200,
    prepare: async (ctx) => {
      const { matchId } = await settledPair(ctx, 20);
      return { matchId };
    },
  },
  {
    method: "GET",
    path: `${programBase}/needs-attention`,
    caller: "admin",
    scope: "matches:read",
    success: 200,
    list: { paginated: false },
    prepare: async (ctx) => {
      const mentee = await ctx.env.addMember(ctx.org);
      const { programId } = await settledPair({ ...ctx, caller: mentee }, 40);
      return { programId };
    },
  },
];
