import type { RouteSpec } from "../security";

/** Security-suite rows of the audit log (/v1/audit). */

export const auditRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/audit",
    caller: "admin",
    scope: "audit:read",
    success: 200,
    list: { paginated: true },
  },
];
