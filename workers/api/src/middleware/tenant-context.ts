import { eq, sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import { decodeJwt } from "jose";
import type { Tenant } from "../../../../db/control/schema";
import { members } from "../../../../db/tenant/schema";
import { AppError } from "../../../shared/src/contracts/common/errors";
import { isConnectionError, type TenantDb } from "../../../shared/src/platform/db";
import { describeError } from "../../../shared/src/platform/log";
import type { Platform } from "../../../shared/src/platform/platform";
import { reusedStatement } from "../../../shared/src/platform/reused-statements";
import { textRows } from "../../../shared/src/platform/text-rows";
import { verifyAccessToken } from "../../../shared/src/security/access-tokens";
import type { Actor } from "../../../shared/src/security/actor";
import { verifyClientAssertion } from "../../../shared/src/security/client-assertions";
import { tenantSchemaVersion } from "../../../shared/src/tenancy/tenants";
import type { AppEnv } from "../http/app-env";

export function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}

const invalidToken = () =>
  new AppError("unauthorized", "The access token is missing, invalid or expired.");

/** Tokens Tandem signed name Tandem as issuer; anything else must be an integration's. */
function issuedByPlatform(token: string, platform: Platform, now: Date): boolean {
  // One this process verified already needs no decoding to know where it comes from.
  if (platform.signingKeys.verified.get(token, now.getTime())) return true;
  const issuer = platform.tokenAudience.issuer;
  try {
    return decodeJwt(token).iss === issuer;
  } catch {
    throw invalidToken();
  }
}

const standingColumns = { status: members.status, role: members.role };

/** A member's current standing, read on every member request (built once per database). */
const memberStanding = (db: TenantDb) =>
  db
    .select(standingColumns)
    .from(members)
    .where(eq(members.id, sql.placeholder("memberId")))
    .prepare();

const defaultRetryAfterSeconds = 30;

/**
 * Makes `tenant` the request's organization and opens its database: refused while it is
 * suspended, and 503 + Retry-After while its schema is behind this build (until the
 * migrator has run). Opening only builds a client; a database that cannot be reached fails
 * at the first query and becomes 503 for this tenant only.
 */
export async function enterTenant(c: Context<AppEnv>, tenant: Tenant | null): Promise<Tenant> {
  if (!tenant || tenant.status === "provisioning") {
    throw new AppError("unauthorized", "The access token names no known organization.");
  }
  if (tenant.status !== "active") {
    throw new AppError("forbidden", `The organization "${tenant.slug}" is suspended.`);
  }
  if (tenant.schemaVersion < tenantSchemaVersion) {
    throw new AppError("schema_behind", "This organization's data is being upgraded; retry soon.", {
      retryAfterSeconds: defaultRetryAfterSeconds,
    });
  }
  c.set("tenant", tenant);
  c.set("db", await c.get("platform").connections.db(tenant));
  return tenant;
}

/** A client that failed to connect is dropped so the next request reconnects. */
export function evictIfBroken(c: Context<AppEnv>, err: unknown): void {
  const tenant = c.get("tenant");
  if (tenant && isConnectionError(err)) c.get("platform").connections.evict(tenant.id);
}

/**
 * The control database failed while finding the organization: logged, and a 503 for the
 * caller to retry, never mistaken for "no such organization" or an unexplained 500.
 */
export function controlUnavailable(c: Context<AppEnv>, err: unknown): AppError {
  c.get("log").error("control database unavailable", { error: describeError(err) });
  return new AppError("service_unavailable", "Tandem cannot be reached right now; retry soon.", {
    retryAfterSeconds: 5,
  });
}

/** Authenticates a member's or an integration's token and opens that tenant's database. */
export function tenantContext(): MiddlewareHandler<AppEnv> {
  async function openTenant(c: Context<AppEnv>, tenantId: string): Promise<Tenant> {
    const platform = c.get("platform");
    const tenant = await platform.tenants
      .byId(tenantId, platform.now().getTime())
      .catch((err) => Promise.reject(controlUnavailable(c, err)));
    return enterTenant(c, tenant);
  }

  async function authenticate(c: Context<AppEnv>, token: string): Promise<Actor> {
    const platform = c.get("platform");
    const now = platform.now();
    if (!issuedByPlatform(token, platform, now)) {
      // The tenant is opened once the client is known, and the jti recorded in its database.
      const client = await verifyClientAssertion(platform, token, now, async (tenantId) => {
        await openTenant(c, tenantId);
        return c.get("db");
      });
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
    const db = c.get("db");
    const standing = reusedStatement(db, memberStanding);
    const values = { memberId: claims.memberId };
    const [member] = await textRows(db.$client, standing, standingColumns, values);
    if (member?.status !== "active") throw invalidToken();
    return {
      kind: "member",
      memberId: claims.memberId,
      role: member.role,
      sessionId: claims.sessionId,
    };
  }

  return async function tenantContext(c, next) {
    const token = bearerToken(c.req.header("authorization"));
    if (!token) {
      throw new AppError("unauthorized", "Send an access token as 'Authorization: Bearer …'.");
    }
    try {
      c.set("actor", await authenticate(c, token));
    } catch (err) {
      evictIfBroken(c, err);
      throw err;
    }
    await next();
    evictIfBroken(c, c.error);
  };
}
