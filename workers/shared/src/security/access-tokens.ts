import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from "jose";
import * as v from "valibot";
import { AppError } from "../contracts/common/errors";
import { VerifiedTokens } from "./verified-tokens";

/**
 * Platform-signed access tokens (RFC 9068 shape): short-lived EdDSA JWTs naming the member
 * (`sub`), the tenant (`tid`) and their role. The tenant a request may touch comes from here.
 */
export interface TokenAudience {
  issuer: string;
  audience: string;
}

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** Every public key still accepted: the current one first, then those being retired. */
  publicJwks: JWK[];
  verifyKey: JWTVerifyGetKey;
  /** Tokens these keys already verified, each until its `exp` (see verified-tokens.ts). */
  verified: VerifiedTokens<VerifiedAccess>;
}

/** What a verified token proved, and for which issuer and audience. */
export interface VerifiedAccess extends TokenAudience {
  claims: AccessClaims;
}

const accessTokenType = "at+jwt";
const algorithm = "EdDSA";

const privateJwks = v.pipe(
  v.array(
    v.looseObject({
      kty: v.literal("OKP"),
      crv: v.literal("Ed25519"),
      kid: v.pipe(v.string(), v.minLength(1)),
      x: v.string(),
      d: v.string(),
    }),
  ),
  v.minLength(1),
);

/** Parses SIGNING_KEYS: a JSON array of private Ed25519 JWKs; the first one signs. */
export async function loadSigningKeys(json: string): Promise<SigningKeys> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error("SIGNING_KEYS is not valid JSON");
  }
  const result = v.safeParse(privateJwks, parsed);
  if (!result.success) {
    throw new Error("SIGNING_KEYS must be a non-empty JSON array of private Ed25519 JWKs with kid");
  }
  const [current] = result.output;
  const publicJwks = result.output.map(({ kty, crv, kid, x }) => ({
    kty,
    crv,
    kid,
    x,
    alg: algorithm,
    use: "sig",
  }));
  return {
    kid: current!.kid,
    privateKey: (await importJWK(current!, algorithm)) as CryptoKey,
    publicJwks,
    verifyKey: createLocalJWKSet({ keys: publicJwks }),
    verified: new VerifiedTokens(),
  };
}

export async function generateSigningKey(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(algorithm, { crv: "Ed25519", extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}

export interface AccessClaims {
  memberId: string;
  tenantId: string;
  role: "admin" | "member";
  /** The sign-in (refresh-token family) it belongs to: "end my other sessions" spares it. */
  sessionId?: string;
}

export async function signAccessToken(
  keys: SigningKeys,
  aud: TokenAudience,
  claims: AccessClaims,
  now: Date,
  ttlSeconds = 900,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const sid = claims.sessionId === undefined ? {} : { sid: claims.sessionId };
  return new SignJWT({ tid: claims.tenantId, role: claims.role, ...sid })
    .setProtectedHeader({ alg: algorithm, kid: keys.kid, typ: accessTokenType })
    .setIssuer(aud.issuer)
    .setAudience(aud.audience)
    .setSubject(claims.memberId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(keys.privateKey);
}

const accessPayload = v.object({
  sub: v.pipe(v.string(), v.minLength(1)),
  tid: v.pipe(v.string(), v.minLength(1)),
  role: v.picklist(["admin", "member"]),
  sid: v.optional(v.pipe(v.string(), v.minLength(1))),
});

/** The longest-lived access token Tandem signs (15 minutes). */
export const maxAccessTokenSeconds = 900;

/**
 * The claims of a valid access token. A token these keys verified before for the same issuer
 * and audience is answered from `keys.verified`, until its `exp` and never after it.
 */
export async function verifyAccessToken(
  keys: SigningKeys,
  aud: TokenAudience,
  token: string,
  now: Date,
): Promise<AccessClaims> {
  const known = keys.verified.get(token, now.getTime());
  if (known && known.issuer === aud.issuer && known.audience === aud.audience) return known.claims;
  try {
    const { payload } = await jwtVerify(token, keys.verifyKey, {
      algorithms: [algorithm],
      issuer: aud.issuer,
      audience: aud.audience,
      typ: accessTokenType,
      requiredClaims: ["exp", "iat", "sub"],
      clockTolerance: 30,
      currentDate: now,
      // However a token came to exist, none lives longer than Tandem ever issues them for.
      maxTokenAge: maxAccessTokenSeconds,
    });
    const { iat, exp } = payload as { iat: number; exp: number };
    if (exp - iat > maxAccessTokenSeconds) throw new Error("lifetime too long");
    const parsed = v.parse(accessPayload, payload);
    const sid = parsed.sid === undefined ? {} : { sessionId: parsed.sid };
    // Frozen: the same object answers every later request that carries this token.
    const claims: AccessClaims = Object.freeze({
      memberId: parsed.sub,
      tenantId: parsed.tid,
      role: parsed.role,
      ...sid,
    });
    // From iat, not from now: a token accepted within the clock tolerance before its iat is
    // verified again until then. Until exp exactly: the tolerance is never extended by the cache.
    const verified = { claims, issuer: aud.issuer, audience: aud.audience };
    keys.verified.remember(token, verified, iat * 1000, exp * 1000);
    return claims;
  } catch {
    throw new AppError("unauthorized", "The access token is missing, invalid or expired.");
  }
}
