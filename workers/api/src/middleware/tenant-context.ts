import type { MiddlewareHandler } from "hono";
import { verifyAccessToken } from "../../../shared/src/access-tokens";
import { isConnectionError } from "../../../shared/src/db";
import { AppError } from "../../../shared/src/errors";
import { tenantSchemaVersion } from "../../../shared/src/tenants";
import type { AppEnv } from "../app-env";

export function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

/**
 * Opens the tenant database named by the verified credential, and only that one. A tenant
 * whose schema is behind this build answers 503 + Retry-After until the migrator has run;
 * one whose database cannot be reached answers 503 without touching other tenants.
 */
export function tenantContext(
  opts: { retryAfterSeconds?: number } = {},
): MiddlewareHandler<AppEnv> {
  const retryAfterSeconds = opts.retryAfterSeconds ?? 30;
  return async function tenantContext(c, next) {
    const platform = c.get("platform");
    const token = bearerToken(c.req.header("authorization"));
    if (!token)
      throw new AppError("unauthorized", "Send an access token as 'Authorization: Bearer …'.");
    const now = platform.now();
    const actor = await verifyAccessToken(platform.signingKeys, platform.tokenAudience, token, now);
    const tenant = await platform.tenants.byId(actor.tenantId, now.getTime());
    if (!tenant || tenant.status === "provisioning") {
      throw new AppError("unauthorized", "The access token names no known organization.");
    }
    if (tenant.status !== "active") {
      throw new AppError("forbidden", `The organization "${tenant.slug}" is suspended.`);
    }
    if (tenant.schemaVersion < tenantSchemaVersion) {
      throw new AppError(
        "schema_behind",
        "This organization's data is being upgraded; retry soon.",
        {
          retryAfterSeconds,
        },
      );
    }
    c.set("tenant", tenant);
    c.set("actor", actor);
    c.set("db", await platform.connections.db(tenant));
    await next();
    if (c.error && isConnectionError(c.error)) platform.connections.evict(tenant.id);
  };
}
