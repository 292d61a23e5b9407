import { eq } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { decodeJwt } from "jose";
import type { Tenant } from "../../../../db/control/schema";
import { members } from "../../../../db/tenant/schema";
import { verifyAccessToken } from "../../../shared/src/access-tokens";
import type { Actor } from "../../../shared/src/actor";
import { verifyClientAssertion } from "../../../shared/src/client-assertions";
import { isConnectionError } from "../../../shared/src/db";
import { AppError } from "../../../shared/src/errors";
import { tenantSchemaVersion } from "../../../shared/src/tenants";
import type { AppEnv } from "../app-env";

export function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

const invalidToken = () =>
  new AppError("unauthorized", "The access token is missing, invalid or expired.");

/** Tokens Tandem signed name Tandem as issuer; anything else must be an integration's. */
function issuedByPlatform(token: string, issuer: string): boolean {
  try {
    return decodeJwt(token).iss === issuer;
  } catch {
    throw invalidToken();
  }
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

  async function openTenant(c: Context<AppEnv>, tenantId: string): Promise<Tenant> {
    const platform = c.get("platform");
    const tenant = await platform.tenants.byId(tenantId, platform.now().getTime());
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
    c.set("db", await platform.connections.db(tenant));
    return tenant;
  }

  async function authenticate(c: Context<AppEnv>, token: string): Promise<Actor> {
    const platform = c.get("platform");
    const now = platform.now();
    if (!issuedByPlatform(token, platform.tokenAudience.issuer)) {
      const client = await verifyClientAssertion(platform, token, now);
      await openTenant(c, client.tenantId);
      return { kind: "client", clientId: client.clientId, scopes: client.scopes };
    }
    const claims = await verifyAccessToken(
      platform.signingKeys,
      platform.tokenAudience,
      token,
      now,
    );
    await openTenant(c, claims.tenantId);
    // The member's current standing, not the token's: deactivation and role changes apply at once.
    const [member] = await c
      .get("db")
      .select({ status: members.status, role: members.role })
      .from(members)
      .where(eq(members.id, claims.memberId));
    if (member?.status !== "active") throw invalidToken();
    return { kind: "member", memberId: claims.memberId, role: member.role };
  }

  return async function tenantContext(c, next) {
    const token = bearerToken(c.req.header("authorization"));
    if (!token) {
      throw new AppError("unauthorized", "Send an access token as 'Authorization: Bearer …'.");
    }
    // A client that failed to connect is dropped so the next request reconnects.
    const evictIfBroken = (err: unknown) => {
      const tenant = c.get("tenant");
      if (tenant && isConnectionError(err)) c.get("platform").connections.evict(tenant.id);
    };
    try {
      c.set("actor", await authenticate(c, token));
    } catch (err) {
      evictIfBroken(err);
      throw err;
    }
    await next();
    evictIfBroken(c.error);
  };
}
