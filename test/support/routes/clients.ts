import { eq } from "drizzle-orm";
import { integrationClients } from "../../../db/control/schema";
import type { RouteCtx, RouteSpec } from "../security";
import { bodyOf } from "./shared";

/** Security-suite rows of the integration-client routes (/v1/clients). */

// Snapshots: the rows a call would change, read straight from the databases.

async function clientRow({ env }: Pick<RouteCtx, "env">, id: string) {
  const [row] = await env.h.platform.control
    .select()
    .from(integrationClients)
    .where(eq(integrationClients.id, id));
  return row ?? null;
}

// Bodies and targets.

const freshClient = async ({ env, org }: RouteCtx) => ({
  clientId: (await env.registerClient(org, ["members:read"])).id,
});

/** Keys an admin must never be able to register. */
async function badJwks({ env }: RouteCtx) {
  const { privateJwk, publicJwk } = await env.keyPair();
  const platformKey = env.h.platform.signingKeys.publicJwks[0]!;
  return {
    "a private key": privateJwk,
    "a symmetric key": { kty: "oct", k: "c2VjcmV0LXNlY3JldC1zZWNyZXQ" },
    "an EC key on another curve": { ...publicJwk, crv: "P-384" },
    "a key for encryption": { ...publicJwk, use: "enc" },
    "a point not on the curve": { ...publicJwk, y: publicJwk.x },
    // Whoever holds its private half is the platform: it signs every member's access token.
    "the platform's own signing key": platformKey,
    "the platform's signing key under another kid": { ...platformKey, kid: "innocent-looking" },
  };
}

export const clientRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: "/v1/clients",
    caller: "admin",
    scope: null,
    success: 200,
    list: { paginated: false },
  },
  {
    method: "POST",
    path: "/v1/clients",
    caller: "admin",
    scope: null,
    success: 201,
    body: async ({ env, org }) => ({
      name: `${org.slug} ${env.unique("integration")}`,
      scopes: ["members:read", "audit:read"],
      jwk: (await env.keyPair()).publicJwk,
    }),
    snapshot: async (t) =>
      t.env.h.platform.control
        .select()
        .from(integrationClients)
        .where(eq(integrationClients.name, String(bodyOf(t).name))),
    invalidBodies: async (ctx) => {
      const { publicJwk } = await ctx.env.keyPair();
      const valid = { name: "Integration", scopes: ["members:read"], jwk: publicJwk };
      const keys = Object.entries(await badJwks(ctx)).map(([label, jwk]) => [
        label,
        { ...valid, jwk },
      ]);
      return {
        "the clients:manage scope": { ...valid, scopes: ["clients:manage"] },
        "an unknown scope": { ...valid, scopes: ["members:read", "admin"] },
        "no scope": { ...valid, scopes: [] },
        "both jwk and jwksUrl": { ...valid, jwksUrl: "https://keys.example/jwks.json" },
        "neither jwk nor jwksUrl": { name: "Integration", scopes: ["members:read"] },
        "a jwksUrl not on the allowlist": {
          name: "Integration",
          scopes: ["members:read"],
          jwksUrl: "http://169.254.169.254/latest/meta-data",
        },
        "a blank name": { ...valid, name: "   " },
        ...Object.fromEntries(keys),
      };
    },
  },
  {
    method: "POST",
    path: "/v1/clients/{clientId}/keys",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: freshClient,
    body: async ({ env }) => ({ jwk: (await env.keyPair(env.unique("kid"))).publicJwk }),
    snapshot: (t) => clientRow(t, t.params.clientId!),
    invalidBodies: async (ctx) =>
      Object.fromEntries(Object.entries(await badJwks(ctx)).map(([k, jwk]) => [k, { jwk }])),
  },
  {
    method: "DELETE",
    path: "/v1/clients/{clientId}/keys/{kid}",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: async ({ env, org }) => {
      const client = await env.registerClient(org, ["members:read"], { keys: 2 });
      return { clientId: client.id, kid: client.kids[0]! };
    },
    snapshot: (t) => clientRow(t, t.params.clientId!),
  },
  {
    method: "POST",
    path: "/v1/clients/{clientId}/revoke",
    caller: "admin",
    scope: null,
    success: 200,
    prepare: freshClient,
    snapshot: (t) => clientRow(t, t.params.clientId!),
  },
];
