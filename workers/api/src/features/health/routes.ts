import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";

export const healthRoutes = new Hono<AppEnv>()
  .get("/healthz", (c) => c.json({ status: "ok", time: c.get("platform").now().toISOString() }))
  .get("/.well-known/jwks.json", (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.json({ keys: c.get("platform").signingKeys.publicJwks });
  });
