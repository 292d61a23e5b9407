import type { Context } from "hono";
import type { AppEnv, TenantCtx } from "../app-env";

export function tenantCtx(c: Context<AppEnv>): TenantCtx {
  return {
    tenant: c.get("tenant"),
    actor: c.get("actor"),
    db: c.get("db"),
    now: c.get("platform").now(),
  };
}
