import { exportJWK } from "jose";
import type { Attack } from "./attacks";
import { attackerKeys, clientClaims, encodePart, evilUrl, memberClaims } from "./tokens";

/** Forged and misused client assertions, and client-signed tokens posing as a member's. */
export const clientTokenAttacks: Attack[] = [
  {
    name: "client token: alg none, unsigned",
    token: async (env, org) =>
      `${encodePart({ alg: "none", kid: org.clients.full.kid })}.${encodePart(
        clientClaims(env, org.clients.full),
      )}.`,
  },
  {
    name: "client token: HS256 keyed with the client's public JWK",
    token: async (env, org) => {
      const jwk = await exportJWK(org.clients.full.key);
      const { d: _private, ...publicJwk } = jwk;
      return env.clientToken(org.clients.full, {
        header: { alg: "HS256" },
        key: new TextEncoder().encode(JSON.stringify(publicJwk)),
      });
    },
  },
  {
    name: "client token: an unknown kid",
    token: (env, org) => env.clientToken(org.clients.full, { header: { kid: "not-registered" } }),
  },
  {
    name: "client token: signed by an attacker under the client's kid",
    token: async (env, org) =>
      env.clientToken(org.clients.full, { key: (await attackerKeys()).ec.privateKey }),
  },
  {
    name: "client token: jku header pointing at the attacker's keys",
    token: async (env, org) =>
      env.clientToken(org.clients.full, {
        header: { jku: evilUrl },
        key: (await attackerKeys()).ec.privateKey,
      }),
  },
  {
    name: "client token: x5u header pointing at the attacker's certificate",
    token: async (env, org) =>
      env.clientToken(org.clients.full, {
        header: { x5u: evilUrl },
        key: (await attackerKeys()).ec.privateKey,
      }),
  },
  {
    name: "client token: the attacker's own key embedded as jwk",
    token: async (env, org) => {
      const { ec } = await attackerKeys();
      return env.clientToken(org.clients.full, {
        header: { jwk: await exportJWK(ec.publicKey), kid: undefined },
        key: ec.privateKey,
      });
    },
  },
  {
    name: "client token: wrong aud",
    token: (env, org) =>
      env.clientToken(org.clients.full, { claims: { aud: "https://elsewhere.example" } }),
  },
  {
    name: "client token: no kid in the header",
    token: (env, org) => env.clientToken(org.clients.full, { header: { kid: undefined } }),
  },
  {
    name: "client token: aud a list holding the API and another audience",
    token: (env, org) =>
      env.clientToken(org.clients.full, {
        claims: { aud: [env.h.platform.tokenAudience.audience, "https://elsewhere.example"] },
      }),
  },
  {
    name: "client token: aud a list holding only the API",
    token: (env, org) =>
      env.clientToken(org.clients.full, {
        claims: { aud: [env.h.platform.tokenAudience.audience] },
      }),
  },
  {
    name: "client token: another organization's client as iss",
    token: (env, org) => {
      const other = org === env.a ? env.b : env.a;
      const id = other.clients.full.id;
      return env.clientToken(org.clients.full, { claims: { iss: id, sub: id } });
    },
  },
  {
    name: "client token: no exp",
    token: (env, org) => env.clientToken(org.clients.full, { claims: { exp: undefined } }),
  },
  {
    name: "client token: exp far ahead (a lifetime over 300 s)",
    token: (env, org) => {
      const now = env.clock.seconds();
      return env.clientToken(org.clients.full, { claims: { iat: now, exp: now + 86_400 } });
    },
  },
  {
    name: "client token: expired beyond the 60 s tolerance",
    token: (env, org) => {
      const now = env.clock.seconds();
      return env.clientToken(org.clients.full, { claims: { iat: now - 200, exp: now - 120 } });
    },
  },
  {
    name: "client token presented as a member: access-token claims signed with the client key",
    token: (env, org) =>
      env.clientToken(org.clients.full, {
        claims: { ...memberClaims(env, org), jti: undefined },
        header: { typ: "at+jwt" },
      }),
  },
  {
    name: "client token: a revoked client's otherwise genuine assertion",
    token: (env, org) => env.clientToken(org.clients.revoked),
  },
];
