import type { PlainRoute } from "../security";

/** Behind OPERATOR_TOKEN: no member or integration credential may reach them. */
export const operatorRoutes: PlainRoute[] = [
  { method: "GET", path: "/operator/v1/tenants" },
  { method: "POST", path: "/operator/v1/tenants" },
  { method: "POST", path: "/operator/v1/tenants/{slug}/admin-invitations" },
  { method: "POST", path: "/operator/v1/tenants/{slug}/suspend" },
  { method: "POST", path: "/operator/v1/tenants/{slug}/resume" },
  { method: "POST", path: "/operator/v1/migrate" },
];
