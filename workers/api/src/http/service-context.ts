import type { Context } from "hono";
import { orgLinks } from "../../../shared/src/platform/links";
import { createOutbox } from "../../../shared/src/platform/outbox";
import type { AppEnv, OrgCtx, RequestOrigin, TenantCtx } from "./app-env";

/** Asked for only by routes that use it: finding the caller's address is not free on Node. */
export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  const ip = c.get("platform").clientIp(c.req.raw, c.env);
  return { ip, userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null };
}

/** The service context of an organization route reached by slug (no one signed in yet). */
export function orgCtx(c: Context<AppEnv>): OrgCtx {
  const platform = c.get("platform");
  const tenant = c.get("tenant");
  const db = c.get("db");
  const now = platform.now();
  return {
    tenant,
    db,
    now,
    links: orgLinks(platform.publicUrl, tenant.slug),
    outbox: createOutbox({
      db,
      now,
      sealKey: platform.sealKey,
      onWrite: () => c.set("outboxWritten", true),
    }),
    log: c.get("log"),
    origin: requestOrigin(c),
  };
}

/** The service context of an authenticated /v1 request. */
export function tenantCtx(c: Context<AppEnv>): TenantCtx {
  return { ...orgCtx(c), actor: c.get("actor") };
}
