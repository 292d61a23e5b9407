import { eq } from "drizzle-orm";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JWTVerifyGetKey,
  jwtVerify,
  type RemoteJWKSet,
} from "jose";
import { type IntegrationClient, integrationClients } from "../../../../db/control/schema";
import { clientTokenIds } from "../../../../db/tenant/schema";
import { AppError } from "../contracts/common/errors";
import { clientScopes } from "../contracts/scopes";
import type { TenantDb } from "../platform/db";
import { describeError } from "../platform/log";
import type { Platform } from "../platform/platform";
import { clientAlgorithms, jwksUrlProblem, sameKeyAsAny } from "./client-keys";

export interface VerifiedClient {
  clientId: string;
  tenantId: string;
  scopes: string[];
}

/** Longest an assertion may live (`exp - iat`), and the clock skew forgiven on either side. */
export const maxAssertionSeconds = 300;
export const clockToleranceSeconds = 60;

// Header parameters that point at keys or extensions. Honouring jku/x5u would make us fetch a
// URL the attacker chose; jwk/x5c would let the token bring its own key; crit asks for
// semantics we do not implement. None has a use here, so their mere presence is refused.
const refusedHeaderParams = ["jku", "x5u", "jwk", "x5c", "crit"] as const;
const allowedAlgorithms: readonly string[] = clientAlgorithms;
const clientIdPattern = /^cli_[A-Za-z0-9_-]{8,64}$/;
const maxTokenLength = 8192;
const maxJtiLength = 200;

/** A specific reason for refusing a token: logged for operators, never shown to the caller. */
class Refusal extends Error {
  constructor(
    reason: string,
    readonly clientId?: string,
  ) {
    super(reason);
  }
}

// One resolver per JWKS URL per isolate, so its fetched keys are cached across requests (jose
// refetches after cacheMaxAge, or on an unknown kid after the cooldown). Revocation does not
// depend on this cache: the client row is read on every request.
const remoteKeySets = new Map<string, RemoteJWKSet>();
const maxRemoteKeySets = 256;

function remoteKeySet(url: string): RemoteJWKSet {
  let keySet = remoteKeySets.get(url);
  if (!keySet) {
    if (remoteKeySets.size >= maxRemoteKeySets) {
      remoteKeySets.delete(remoteKeySets.keys().next().value!);
    }
    keySet = createRemoteJWKSet(new URL(url), {
      timeoutDuration: 3000,
      cooldownDuration: 30_000,
      cacheMaxAge: 5 * 60_000,
    });
    remoteKeySets.set(url, keySet);
  }
  return keySet;
}

function keysOf(platform: Platform, client: IntegrationClient): JWTVerifyGetKey {
  if (client.jwksUrl) {
    const problem = jwksUrlProblem(client.jwksUrl, platform.jwksHostAllowlist);
    if (problem) throw new Refusal(`JWKS URL no longer allowed: ${problem}`, client.id);
    const remote = remoteKeySet(client.jwksUrl);
    // The URL's owner can publish any key: one of the platform's is refused as at registration.
    return async (header, token) => {
      const key = await remote(header, token);
      const served = remote.jwks()?.keys.filter((jwk) => jwk.kid === header.kid) ?? [];
      if (served.some((jwk) => sameKeyAsAny(jwk, platform.signingKeys.publicJwks))) {
        throw new Refusal("the JWKS URL serves a platform signing key", client.id);
      }
      return key;
    };
  }
  // Registration refuses the platform's keys; this also covers one stored before that check,
  // or a platform key added to SIGNING_KEYS after the client registered it.
  const keys = (client.jwks ?? []).filter(
    (key) => !sameKeyAsAny(key, platform.signingKeys.publicJwks),
  );
  if (!keys.length) throw new Refusal("client has no usable keys", client.id);
  return createLocalJWKSet({ keys });
}

/** Refusals that need no database: algorithm, dangerous header members, shape of iss/sub. */
function precheck(token: string): string {
  if (token.length > maxTokenLength) throw new Refusal("token too long");
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
    payload = decodeJwt(token);
  } catch {
    throw new Refusal("not a decodable JWS compact JWT");
  }
  if (typeof header.alg !== "string" || !allowedAlgorithms.includes(header.alg)) {
    throw new Refusal(`algorithm not allowed: ${String(header.alg).slice(0, 20)}`);
  }
  const refused = refusedHeaderParams.filter((name) => Object.hasOwn(header, name));
  if (refused.length) throw new Refusal(`header carries ${refused.join(", ")}`);
  // A platform access token is never an integration's credential, whatever else it claims.
  if (typeof header.typ === "string" && /^(application\/)?at\+jwt$/i.test(header.typ)) {
    throw new Refusal("typ at+jwt (a member access token)");
  }
  // The key is named, never guessed: without a kid, jose would pick whichever registered key
  // fits the algorithm, so whether a token passes would depend on how many keys a client has.
  if (typeof header.kid !== "string" || header.kid.length === 0) throw new Refusal("no kid");
  // One audience, as a single string (RFC 7523bis): a list would let a token minted for
  // another service be replayed here as well.
  if (typeof payload.aud !== "string") throw new Refusal("aud is not a single string");
  const { iss, sub } = payload;
  if (typeof iss !== "string" || !clientIdPattern.test(iss)) {
    throw new Refusal("iss is not a client id");
  }
  if (sub !== iss) throw new Refusal("sub differs from iss", iss);
  return iss;
}

async function verifiedClaims(
  platform: Platform,
  token: string,
  now: Date,
): Promise<VerifiedClient & { jti: string; exp: number }> {
  const clientId = precheck(token);
  // Read on every request, never cached: a revocation applies to the very next call.
  const [client] = await platform.control
    .select()
    .from(integrationClients)
    .where(eq(integrationClients.id, clientId));
  if (!client) throw new Refusal("unknown client", clientId);
  if (client.status !== "active") throw new Refusal("client revoked", clientId);

  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keysOf(platform, client), {
      algorithms: [...clientAlgorithms],
      issuer: clientId,
      subject: clientId,
      audience: platform.tokenAudience.audience,
      clockTolerance: clockToleranceSeconds,
      currentDate: now,
      requiredClaims: ["exp", "iat", "jti"],
      // Also refuses an iat further in the future than the tolerance.
      maxTokenAge: maxAssertionSeconds,
    }));
  } catch (err) {
    if (err instanceof Refusal) throw err;
    // jose's codes and messages name the failed check, never a claim's value or the token.
    throw new Refusal(describeError(err), clientId);
  }
  const { exp, iat, jti } = payload as { exp: number; iat: number; jti: unknown };
  if (exp - iat > maxAssertionSeconds) {
    throw new Refusal(`lifetime ${exp - iat}s exceeds ${maxAssertionSeconds}s`, clientId);
  }
  if (typeof jti !== "string" || jti.length === 0 || jti.length > maxJtiLength) {
    throw new Refusal("jti must be a non-empty string of at most 200 characters", clientId);
  }
  const known = new Set<string>(clientScopes);
  const scopes = client.scopes.filter((scope) => known.has(scope));
  return { clientId, tenantId: client.tenantId, scopes, jti, exp };
}

/**
 * Records a jti as spent, in the client's own tenant database: no request writes to the one
 * control database all tenants share. The row outlives `exp` by the clock tolerance, since
 * that is how long the token itself is still accepted. The primary key makes concurrent uses
 * race safely: exactly one insert returns a row.
 */
async function spend(db: TenantDb, clientId: string, jti: string, exp: number) {
  const expiresAt = new Date((exp + clockToleranceSeconds) * 1000);
  const inserted = await db
    .insert(clientTokenIds)
    .values({ clientId, jti, expiresAt })
    .onConflictDoNothing()
    .returning({ jti: clientTokenIds.jti });
  if (inserted.length === 0) throw new Refusal("jti already used (replay)", clientId);
}

/**
 * Verifies a JWT an integration signed (RFC 7523 style) against its registered keys, and
 * records its jti so it cannot be replayed. Throws 401 for anything else. The client's tenant
 * is known only once the client is read, so `openTenantDb` is called then, with its id, to
 * open the database the jti is recorded in (its own refusals travel on unchanged).
 */
export async function verifyClientAssertion(
  platform: Platform,
  token: string,
  now: Date,
  openTenantDb: (tenantId: string) => Promise<TenantDb>,
): Promise<VerifiedClient> {
  let verified: Awaited<ReturnType<typeof verifiedClaims>>;
  try {
    verified = await verifiedClaims(platform, token, now);
    const db = await openTenantDb(verified.tenantId);
    await spend(db, verified.clientId, verified.jti, verified.exp);
  } catch (err) {
    // Anything else (a database failing, the tenant suspended) is not a refusal and travels on.
    if (!(err instanceof Refusal)) throw err;
    platform.log.warn("client assertion refused", {
      reason: err.message,
      ...(err.clientId ? { clientId: err.clientId } : {}),
    });
    throw new AppError("unauthorized", "The client assertion is invalid, expired or replayed.");
  }
  const { clientId, tenantId, scopes } = verified;
  return { clientId, tenantId, scopes };
}
