import { base64url, exportJWK } from "jose";
import { signAccessToken } from "../../../workers/shared/src/security/access-tokens";
import type { Attack } from "./attacks";
import {
  attackerKeys,
  clientClaims,
  craftMember,
  encodePart,
  evilUrl,
  memberClaims,
  memberHeader,
  sign,
} from "./tokens";

/** Forged and misused member access tokens, and platform tokens posing as an integration's. */
export const memberTokenAttacks: Attack[] = [
  {
    name: "member token: alg none, unsigned",
    token: async (env, org) =>
      `${encodePart(memberHeader(env, { alg: "none" }))}.${encodePart(memberClaims(env, org))}.`,
  },
  {
    name: "member token: HS256 keyed with the platform public key's bytes",
    token: (env, org) =>
      craftMember(env, org, {
        header: { alg: "HS256" },
        key: base64url.decode(env.h.platform.signingKeys.publicJwks[0]!.x!),
      }),
  },
  {
    name: "member token: the platform's key under an unknown kid",
    token: (env, org) => craftMember(env, org, { header: { kid: "unknown-kid" } }),
  },
  {
    name: "member token: an attacker's key under an unknown kid",
    token: async (env, org) =>
      craftMember(env, org, {
        header: { kid: "attacker" },
        key: (await attackerKeys()).ed.privateKey,
      }),
  },
  {
    name: "member token: jku header pointing at the attacker's keys",
    token: async (env, org) =>
      craftMember(env, org, {
        header: { jku: evilUrl },
        key: (await attackerKeys()).ed.privateKey,
      }),
  },
  {
    name: "member token: x5u header pointing at the attacker's certificate",
    token: async (env, org) =>
      craftMember(env, org, {
        header: { x5u: evilUrl },
        key: (await attackerKeys()).ed.privateKey,
      }),
  },
  {
    name: "member token: the attacker's own key embedded as jwk",
    token: async (env, org) => {
      const { ed } = await attackerKeys();
      const jwk = await exportJWK(ed.publicKey);
      return craftMember(env, org, { header: { jwk, kid: undefined }, key: ed.privateKey });
    },
  },
  {
    name: "member token: wrong aud",
    token: (env, org) => craftMember(env, org, { claims: { aud: "https://elsewhere.example" } }),
  },
  {
    name: "member token: wrong iss",
    token: (env, org) => craftMember(env, org, { claims: { iss: "https://evil.example" } }),
  },
  {
    name: "member token: wrong typ",
    token: (env, org) => craftMember(env, org, { header: { typ: "JWT" } }),
  },
  {
    name: "member token: no typ",
    token: (env, org) => craftMember(env, org, { header: { typ: undefined } }),
  },
  {
    name: "member token: no exp",
    token: (env, org) => craftMember(env, org, { claims: { exp: undefined } }),
  },
  {
    name: "member token: expired beyond the 30 s tolerance",
    token: (env, org) => {
      const now = env.clock.seconds();
      return craftMember(env, org, { claims: { iat: now - 1000, exp: now - 120 } });
    },
  },
  {
    name: "member token: exp a year ahead (the platform issues 15 minutes)",
    token: (env, org) => {
      const now = env.clock.seconds();
      return craftMember(env, org, { claims: { iat: now, exp: now + 365 * 86_400 } });
    },
  },
  {
    name: "member token: iat an hour in the future",
    token: (env, org) => {
      const now = env.clock.seconds();
      return craftMember(env, org, { claims: { iat: now + 3600, exp: now + 3600 + 900 } });
    },
  },
  {
    name: "member token: payload moved to another organization under the same signature",
    token: async (env, org) => {
      const [head, , signature] = (await craftMember(env, org)).split(".");
      const other = org === env.a ? env.b : env.a;
      const forged = memberClaims(env, org, { tid: other.tenantId, sub: other.admin.id });
      return `${head}.${encodePart(forged)}.${signature}`;
    },
  },
  {
    name: "member token: a deactivated member's genuine token",
    token: (env, org) => env.memberToken(org, org.deactivated),
  },
  {
    name: "member token: an invited (not yet joined) member's genuine token",
    token: (env, org) => env.memberToken(org, org.invited),
  },
  {
    name: "member token: a member who does not exist",
    token: (env, org) =>
      env.memberToken(org, { id: crypto.randomUUID(), email: "ghost@x.test", role: "admin" }),
  },
  {
    name: "member token: an organization that does not exist",
    token: (env, org) => craftMember(env, org, { claims: { tid: crypto.randomUUID() } }),
  },
  {
    name: "member token presented as a client: platform access token with iss = a client id",
    token: (env, org) =>
      signAccessToken(
        env.h.platform.signingKeys,
        { issuer: org.clients.full.id, audience: env.h.platform.tokenAudience.audience },
        { memberId: org.clients.full.id, tenantId: org.tenantId, role: "admin" },
        env.clock.now,
        120,
      ),
  },
  {
    name: "member token presented as a client: client-shaped JWT signed with the platform key",
    token: (env, org) =>
      sign(
        clientClaims(env, org.clients.full),
        { alg: "EdDSA", kid: env.h.platform.signingKeys.kid, typ: "JWT" },
        env.h.platform.signingKeys.privateKey,
      ),
  },
];
