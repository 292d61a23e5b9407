import type { Context } from "hono";
import type { AppEnv, RequestOrigin, TenantCtx } from "../app-env";

export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  return { ip: c.get("clientIp"), userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null };
}

/** The service context of an authenticated /v1 request. */
export function tenantCtx(c: Context<AppEnv>): TenantCtx {
  const platform = c.get("platform");
  return {
    tenant: c.get("tenant"),
    actor: c.get("actor"),
    db: c.get("db"),
    now: platform.now(),
    platform,
    origin: requestOrigin(c),
  };
}
