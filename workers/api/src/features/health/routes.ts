import { Hono } from "hono";
import { healthAnswer, publicJwks } from "../../../../shared/src/contracts/health";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";

export const healthRoutes = new Hono<AppEnv>()
  .get("/healthz", responds(200, healthAnswer), (c) =>
    c.json({ status: "ok", time: c.get("platform").now().toISOString() }),
  )
  .get("/.well-known/jwks.json", responds(200, publicJwks), (c) => {
    c.header("cache-control", "public, max-age=300");
    return c.json({ keys: c.get("platform").signingKeys.publicJwks });
  });
