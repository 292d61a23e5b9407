import type { RouteSpec } from "../../security";
import { matchWithAgreement } from "./agreements";

export const timelineRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/matches/{matchId}/timeline",
    caller: "member",
    scope: null,
    success: 200,
    list: { paginated: true },
    prepare: matchWithAgreement,
  },
];
