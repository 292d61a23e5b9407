import {
  base64url,
  generateKeyPair,
  type JWTHeaderParameters,
  type JWTPayload,
  SignJWT,
} from "jose";
import type { ClientFixture, CraftOptions, OrgFixture, SuiteEnv } from "./types";

// Signing JWTs the way the platform, an integration and an attacker would.

const withoutUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function sign(
  claims: JWTPayload,
  header: Record<string, unknown>,
  key: CryptoKey | Uint8Array,
) {
  return new SignJWT(withoutUndefined(claims))
    .setProtectedHeader(withoutUndefined(header) as JWTHeaderParameters)
    .sign(key);
}

export const encodePart = (value: unknown) =>
  base64url.encode(new TextEncoder().encode(JSON.stringify(value)));

export const attackerKeys = (() => {
  let keys: Promise<{ ed: CryptoKeyPair; ec: CryptoKeyPair }> | undefined;
  return () => {
    keys ??= (async () => ({
      ed: await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true }),
      ec: await generateKeyPair("ES256", { extractable: true }),
    }))();
    return keys;
  };
})();

/** Claims of the org admin's genuine access token, before an attack changes one thing. */
export function memberClaims(env: SuiteEnv, org: OrgFixture, over: JWTPayload = {}): JWTPayload {
  const iat = env.clock.seconds();
  return {
    iss: env.h.platform.tokenAudience.issuer,
    aud: env.h.platform.tokenAudience.audience,
    sub: org.admin.id,
    tid: org.tenantId,
    role: "admin",
    iat,
    exp: iat + 600,
    ...over,
  };
}

export function memberHeader(env: SuiteEnv, over: Record<string, unknown> = {}) {
  return { alg: "EdDSA", kid: env.h.platform.signingKeys.kid, typ: "at+jwt", ...over };
}

/** Signed with the platform's own key unless an attacker's is given. */
export function craftMember(
  env: SuiteEnv,
  org: OrgFixture,
  opts: CraftOptions = {},
): Promise<string> {
  return sign(
    memberClaims(env, org, opts.claims),
    memberHeader(env, opts.header),
    opts.key ?? env.h.platform.signingKeys.privateKey,
  );
}

export function clientClaims(
  env: SuiteEnv,
  client: ClientFixture,
  over: JWTPayload = {},
): JWTPayload {
  const iat = env.clock.seconds();
  return {
    iss: client.id,
    sub: client.id,
    aud: env.h.platform.tokenAudience.audience,
    iat,
    exp: iat + 120,
    jti: crypto.randomUUID(),
    ...over,
  };
}

export const evilUrl = "https://attacker.example/jwks.json";
