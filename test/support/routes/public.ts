import type { PlainRoute } from "../security";

/** Open to anyone: they must show no secret. */
export const publicRoutes: PlainRoute[] = [
  { method: "GET", path: "/healthz" },
  { method: "GET", path: "/.well-known/jwks.json" },
  { method: "GET", path: "/openapi.json" },
];
