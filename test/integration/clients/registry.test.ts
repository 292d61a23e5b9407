import { generateKeyPairSync } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationClients } from "../../../db/control/schema";
import { auditLog } from "../../../db/tenant/schema";
import type { ClientView } from "../../../workers/shared/src/contracts/clients";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
let adminA: string;
let adminB: string;
let memberA: string;

beforeAll(async () => {
  h = await startHarness({
    env: { JWKS_HOST_ALLOWLIST: "keys.partner.example", TRUST_PROXY: "true" },
  });
  await h.createTenant("reg-a");
  await h.createTenant("reg-b");
  adminA = await h.tokenFor("reg-a", { memberId: "admin-a", role: "admin" });
  adminB = await h.tokenFor("reg-b", { memberId: "admin-b", role: "admin" });
  memberA = await h.tokenFor("reg-a", { memberId: "member-a", role: "member" });
});
afterAll(() => h.close());

async function publicJwk(alg: "ES256" | "EdDSA" | "RS256" = "ES256"): Promise<JWK> {
  const { publicKey } = await generateKeyPair(alg, { extractable: true });
  return exportJWK(publicKey);
}

function send(path: string, token: string, method = "GET", body?: unknown) {
  return h.request(path, {
    method,
    token,
    headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function register(token: string, body: Record<string, unknown>): Promise<ClientView> {
  const res = await send("/v1/clients", token, "POST", body);
  expect(res.status).toBe(201);
  return (await res.json()) as ClientView;
}

async function auditOf(slug: string) {
  const tenant = await findTenantBySlug(h.platform.control, slug);
  const db = await h.platform.connections.db(tenant);
  return db.select().from(auditLog).orderBy(desc(auditLog.id));
}

describe("registering a client", () => {
  it("stores a public key with a thumbprint kid and audits who did it from where", async () => {
    const jwk = await publicJwk("ES256");
    const client = await register(adminA, { name: "HR sync", scopes: ["members:read"], jwk });
    expect(client).toMatchObject({
      name: "HR sync",
      scopes: ["members:read"],
      status: "active",
      jwksUrl: null,
      revokedAt: null,
    });
    expect(client.id).toMatch(/^cli_[A-Za-z0-9_-]+$/);
    expect(client.keys).toEqual([{ kid: expect.any(String), kty: "EC", alg: "ES256" }]);
    expect(client.keys[0]!.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [entry] = await auditOf("reg-a");
    expect(entry).toMatchObject({
      action: "client.register",
      actorType: "member",
      actorId: "admin-a",
      subjectType: "client",
      subjectId: client.id,
      ip: "203.0.113.9",
    });
  });

  it("accepts Ed25519 and 2048-bit RSA keys, keeping a kid the admin chose", async () => {
    const okp = await register(adminA, {
      name: "Slack bot",
      scopes: ["audit:read"],
      jwk: { ...(await publicJwk("EdDSA")), kid: "slack-2026" },
    });
    expect(okp.keys).toEqual([{ kid: "slack-2026", kty: "OKP", alg: "EdDSA" }]);
    const rsa = await register(adminA, {
      name: "SIS",
      scopes: ["members:read", "members:write"],
      jwk: await publicJwk("RS256"),
    });
    expect(rsa.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256" });
  });

  it("never stores private members even when other extras are sent", async () => {
    const jwk = { ...(await publicJwk("EdDSA")), ext: true, key_ops: ["verify"] };
    const client = await register(adminA, { name: "Extras", scopes: ["audit:read"], jwk });
    const [row] = await h.platform.control
      .select()
      .from(integrationClients)
      .where(eq(integrationClients.id, client.id));
    expect(Object.keys(row!.jwks![0]!).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
  });

  it("accepts an https JWKS URL on an allow-listed host", async () => {
    const client = await register(adminA, {
      name: "Remote keys",
      scopes: ["members:read"],
      jwksUrl: "https://keys.partner.example/.well-known/jwks.json",
    });
    expect(client).toMatchObject({ keys: [], jwksUrl: expect.stringContaining("https://") });
  });
});

describe("registration input is refused with field errors", () => {
  const cases: [string, () => Promise<Record<string, unknown>>, string, RegExp][] = [
    [
      "a private key",
      async () => {
        const { privateKey } = await generateKeyPair("ES256", { extractable: true });
        return { jwk: await exportJWK(privateKey) };
      },
      "jwk.d",
      /private key/,
    ],
    [
      "an RSA private key",
      async () => {
        const { privateKey } = await generateKeyPair("RS256", { extractable: true });
        return { jwk: await exportJWK(privateKey) };
      },
      "jwk.p",
      /private key/,
    ],
    [
      "a P-384 key",
      async () => ({ jwk: await exportJWK((await generateKeyPair("ES384")).publicKey) }),
      "jwk.crv",
      /P-256/,
    ],
    [
      "an EC key declared as RS256",
      async () => ({ jwk: { ...(await publicJwk("ES256")), alg: "RS256" } }),
      "jwk.alg",
      /ES256/,
    ],
    [
      "a 1024-bit RSA key",
      // jose refuses to make such a key, so node:crypto does.
      async () => ({
        jwk: generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({
          format: "jwk",
        }),
      }),
      "jwk.n",
      /2048/,
    ],
    ["a symmetric key", async () => ({ jwk: { kty: "oct", k: "c2VjcmV0" } }), "jwk.kty", /kty/],
    [
      "a point that is not on the curve",
      async () => ({ jwk: { ...(await publicJwk("ES256")), y: "A".repeat(43) } }),
      "jwk",
      /not a valid ES256/,
    ],
    [
      "an http JWKS URL",
      async () => ({ jwksUrl: "http://keys.partner.example/jwks.json" }),
      "jwksUrl",
      /https/,
    ],
    [
      "a JWKS URL host off the allow-list",
      async () => ({ jwksUrl: "https://evil.example/jwks.json" }),
      "jwksUrl",
      /JWKS_HOST_ALLOWLIST/,
    ],
    [
      "a JWKS URL with credentials",
      async () => ({ jwksUrl: "https://user:pw@keys.partner.example/jwks.json" }),
      "jwksUrl",
      /credentials/,
    ],
    [
      "an encryption key",
      async () => ({ jwk: { ...(await publicJwk("ES256")), use: "enc" } }),
      "jwk.use",
      /sig/,
    ],
    [
      "both jwk and jwksUrl",
      async () => ({
        jwk: await publicJwk(),
        jwksUrl: "https://keys.partner.example/jwks.json",
      }),
      "jwk",
      /exactly one/,
    ],
    ["neither jwk nor jwksUrl", async () => ({}), "jwk", /exactly one/],
    [
      "an unknown scope",
      async () => ({ jwk: await publicJwk(), scopes: ["clients:manage"] }),
      "scopes.0",
      /Unknown scope/,
    ],
    ["no scopes", async () => ({ jwk: await publicJwk(), scopes: [] }), "scopes", /at least one/],
  ];

  it.each(cases)("%s", async (_name, body, field, message) => {
    const res = await send("/v1/clients", adminA, "POST", {
      name: "Bad",
      scopes: ["members:read"],
      ...(await body()),
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.errors).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it("names the allow-list setting even when it is empty", async () => {
    const bare = await startHarness();
    try {
      await bare.createTenant("bare");
      const res = await bare.request("/v1/clients", {
        method: "POST",
        token: await bare.tokenFor("bare"),
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: "Remote",
          scopes: ["members:read"],
          jwksUrl: "https://keys.partner.example/jwks.json",
        }),
      });
      const problem = await expectProblem(res, 400, "validation");
      expect(problem.errors[0]).toMatchObject({ field: "jwksUrl" });
      expect(problem.detail).toContain("JWKS_HOST_ALLOWLIST");
    } finally {
      await bare.close();
    }
  });
});

describe("who may manage clients", () => {
  it("refuses members who are not admins", async () => {
    await expectProblem(await send("/v1/clients", memberA), 403, "forbidden");
    const body = { name: "Nope", scopes: ["members:read"], jwk: await publicJwk() };
    await expectProblem(await send("/v1/clients", memberA, "POST", body), 403, "forbidden");
  });
});

describe("tenant isolation", () => {
  it("lists only the organization's own clients", async () => {
    const own = await register(adminB, {
      name: "B only",
      scopes: ["members:read"],
      jwk: await publicJwk(),
    });
    const res = await send("/v1/clients", adminA);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: ClientView[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((c) => c.id)).not.toContain(own.id);
    const listB = (await (await send("/v1/clients", adminB)).json()) as { items: ClientView[] };
    expect(listB.items.map((c) => c.id)).toEqual([own.id]);
  });

  it("answers 404 to any change of another organization's client, changing nothing", async () => {
    const other = await register(adminB, {
      name: "B's",
      scopes: ["members:read"],
      jwk: await publicJwk(),
    });
    const kid = other.keys[0]!.kid;
    const attempts = [
      send(`/v1/clients/${other.id}/revoke`, adminA, "POST"),
      send(`/v1/clients/${other.id}/keys`, adminA, "POST", { jwk: await publicJwk() }),
      send(`/v1/clients/${other.id}/keys/${kid}`, adminA, "DELETE"),
    ];
    for (const res of await Promise.all(attempts)) await expectProblem(res, 404, "not_found");
    const [row] = await h.platform.control
      .select()
      .from(integrationClients)
      .where(eq(integrationClients.id, other.id));
    expect(row).toMatchObject({ status: "active", revokedAt: null });
    expect(row!.jwks).toHaveLength(1);
  });
});
