import { base64url, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { ClientView } from "../../../workers/shared/src/contracts/clients";
import type { MemberView } from "../../../workers/shared/src/contracts/members";
import { signAccessToken } from "../../../workers/shared/src/security/access-tokens";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
let clientId: string;
let clientKid: string;
let privateKey: CryptoKey;
let publicJwk: JWK;
let otherTenantClientId: string;

async function registerClient(slug: string, scopes: string[], jwk: JWK): Promise<ClientView> {
  const res = await h.request("/v1/clients", {
    method: "POST",
    token: await h.tokenFor(slug, { memberId: `admin-${slug}`, role: "admin" }),
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `${slug} integration`, scopes, jwk }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ClientView;
}

beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("asr-a");
  await h.createTenant("asr-b");
  await h.tokenFor("asr-b", { memberId: "only-in-b" });
  const keys = await generateKeyPair("ES256", { extractable: true });
  privateKey = keys.privateKey;
  publicJwk = await exportJWK(keys.publicKey);
  const client = await registerClient("asr-a", ["members:read"], publicJwk);
  clientId = client.id;
  clientKid = client.keys[0]!.kid;
  const other = await generateKeyPair("ES256", { extractable: true });
  otherTenantClientId = (
    await registerClient("asr-b", ["members:read"], await exportJWK(other.publicKey))
  ).id;
});
afterAll(() => h.close());
afterEach(() => vi.restoreAllMocks());

const nowSeconds = () => Math.floor(Date.now() / 1000);

function validClaims(overrides: JWTPayload = {}): JWTPayload {
  const iat = nowSeconds();
  return {
    iss: clientId,
    sub: clientId,
    aud: h.platform.tokenAudience.audience,
    iat,
    exp: iat + 120,
    jti: crypto.randomUUID(),
    ...overrides,
  };
}

function without(name: string): JWTPayload {
  const claims = validClaims();
  delete claims[name];
  return claims;
}

async function craft(
  opts: {
    claims?: JWTPayload;
    header?: Record<string, unknown>;
    key?: CryptoKey | Uint8Array;
  } = {},
): Promise<string> {
  const header = { alg: "ES256", kid: clientKid, typ: "JWT", ...opts.header } as { alg: string };
  return new SignJWT(opts.claims ?? validClaims())
    .setProtectedHeader(header)
    .sign(opts.key ?? privateKey);
}

const encodePart = (value: unknown) =>
  base64url.encode(new TextEncoder().encode(JSON.stringify(value)));

/** Signs without jose, which refuses to produce some of the headers an attacker would send. */
async function signRaw(header: Record<string, unknown>, claims = validClaims()): Promise<string> {
  const input = `${encodePart(header)}.${encodePart(claims)}`;
  const algorithm = { name: "ECDSA", hash: "SHA-256" };
  const signature = await crypto.subtle.sign(
    algorithm,
    privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

const genericDetails = [
  "The client assertion is invalid, expired or replayed.",
  "The access token is missing, invalid or expired.",
];

const members = (token: string) => h.request("/v1/members", { token });

describe("a well-formed assertion", () => {
  it("reaches the client's own organization only", async () => {
    const res = await members(await craft());
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: MemberView[] };
    expect(items.map((m) => m.id)).toContain("admin-asr-a");
    expect(items.map((m) => m.id)).not.toContain("only-in-b");
  });

  it("is accepted when signed without jose (control for the hand-signed attacks)", async () => {
    expect((await members(await signRaw({ alg: "ES256", kid: clientKid }))).status).toBe(200);
  });

  it("is accepted within the 60 s clock tolerance on either side", async () => {
    const now = nowSeconds();
    const lateButTolerated = validClaims({ iat: now - 200, exp: now - 30 });
    expect((await members(await craft({ claims: lateButTolerated }))).status).toBe(200);
    const earlyButTolerated = validClaims({ iat: now + 30, exp: now + 200 });
    expect((await members(await craft({ claims: earlyButTolerated }))).status).toBe(200);
  });
});

describe("refused assertions (401 problem+json)", () => {
  const forgerKeys = generateKeyPair("ES256", { extractable: true });
  const now = nowSeconds;
  const attacks: [string, () => Promise<string>][] = [
    ["alg none", async () => `${encodePart({ alg: "none" })}.${encodePart(validClaims())}.`],
    [
      "HS256 keyed with the client's public key",
      () =>
        craft({
          header: { alg: "HS256" },
          key: new TextEncoder().encode(JSON.stringify(publicJwk)),
        }),
    ],
    ["an unknown kid", () => craft({ header: { kid: "not-a-registered-key" } })],
    [
      "a forged signature under the real kid",
      async () => craft({ key: (await forgerKeys).privateKey }),
    ],
    ["jku injection", () => craft({ header: { jku: "https://attacker.example/jwks.json" } })],
    ["x5u injection", () => craft({ header: { x5u: "https://attacker.example/cert.pem" } })],
    [
      "jwk injection (the attacker's own key)",
      async () => {
        const forger = await forgerKeys;
        const jwk = await exportJWK(forger.publicKey);
        return craft({ header: { jwk, kid: undefined }, key: forger.privateKey });
      },
    ],
    ["x5c injection", () => craft({ header: { x5c: ["MIIB"] } })],
    ["a crit header", () => signRaw({ alg: "ES256", kid: clientKid, crit: ["b64"], b64: true })],
    ["a wrong aud", () => craft({ claims: validClaims({ aud: "https://elsewhere.example" }) })],
    [
      "an unknown iss",
      () => craft({ claims: validClaims({ iss: "cli_unknown000", sub: "cli_unknown000" }) }),
    ],
    [
      "another organization's client as iss",
      () => craft({ claims: validClaims({ iss: otherTenantClientId, sub: otherTenantClientId }) }),
    ],
    ["sub different from iss", () => craft({ claims: validClaims({ sub: "member-1" }) })],
    ["no exp", () => craft({ claims: without("exp") })],
    ["no iat", () => craft({ claims: without("iat") })],
    ["no jti", () => craft({ claims: without("jti") })],
    ["an empty jti", () => craft({ claims: validClaims({ jti: "" }) })],
    [
      "exp 10 minutes after iat",
      () => craft({ claims: validClaims({ iat: now(), exp: now() + 600 }) }),
    ],
    [
      "expired beyond the tolerance",
      () => craft({ claims: validClaims({ iat: now() - 300, exp: now() - 61 }) }),
    ],
    [
      "iat in the future beyond the tolerance",
      () => craft({ claims: validClaims({ iat: now() + 120, exp: now() + 240 }) }),
    ],
    [
      "a member access token made client-shaped",
      async () => {
        const issued = await signAccessToken(
          h.platform.signingKeys,
          { issuer: clientId, audience: h.platform.tokenAudience.audience },
          { memberId: clientId, tenantId: "ignored", role: "admin" },
          new Date(),
          120,
        );
        return issued;
      },
    ],
    [
      "a platform-signed token without typ",
      () =>
        craft({
          header: { alg: "EdDSA", kid: h.platform.signingKeys.kid, typ: undefined },
          key: h.platform.signingKeys.privateKey,
        }),
    ],
    [
      "a client token claiming the platform as issuer",
      () =>
        craft({
          claims: validClaims({ iss: h.platform.tokenAudience.issuer }),
          header: { typ: "at+jwt" },
        }),
    ],
  ];

  it.each(attacks)("%s", async (_name, token) => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const jwt = await token();
    const res = await members(jwt);
    const problem = await expectProblem(res, 401, "unauthorized");
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(h.rawLogs.join("\n")).not.toContain(jwt);
    // One generic answer per credential kind: the reason is only in the logs.
    expect(genericDetails).toContain(problem.detail);
  });

  it("answers every refusal with the same message and logs the specific reason", async () => {
    const before = h.logs.length;
    const a = await expectProblem(
      await members(await craft({ header: { kid: "nope" } })),
      401,
      "unauthorized",
    );
    const b = await expectProblem(
      await members(await craft({ claims: validClaims({ aud: "https://elsewhere.example" }) })),
      401,
      "unauthorized",
    );
    expect(a.detail).toBe(b.detail);
    const refusals = h.logs.slice(before).filter((l) => l.msg === "client assertion refused");
    expect(refusals.map((l) => l.level)).toEqual(["warn", "warn"]);
    expect(refusals[0]).toMatchObject({ clientId, reason: expect.stringContaining("JWKS") });
    expect(refusals[1]).toMatchObject({ reason: expect.stringContaining("aud") });
  });

  it("logs a refused claim's reason as text, never as [object Object]", async () => {
    const before = h.logs.length;
    await expectProblem(
      await members(await craft({ claims: validClaims({ aud: "https://elsewhere.example" }) })),
      401,
      "unauthorized",
    );
    const [refusal] = h.logs.slice(before).filter((l) => l.msg === "client assertion refused");
    expect(refusal?.reason).toMatch(/claim aud: check_failed/);
    expect(String(refusal?.reason)).not.toContain("[object Object]");
  });
});

describe("scopes", () => {
  it("gate routes: an audit-only client may not list members", async () => {
    const keys = await generateKeyPair("EdDSA", { extractable: true });
    const auditor = await registerClient("asr-a", ["audit:read"], await exportJWK(keys.publicKey));
    const token = await craft({
      claims: validClaims({ iss: auditor.id, sub: auditor.id }),
      header: { alg: "EdDSA", kid: auditor.keys[0]!.kid },
      key: keys.privateKey,
    });
    const problem = await expectProblem(await members(token), 403, "forbidden");
    expect(problem.detail).toContain("members:read");
  });

  it("never include managing clients, whatever the client holds", async () => {
    const keys = await generateKeyPair("ES256", { extractable: true });
    const all = await registerClient(
      "asr-a",
      ["members:read", "members:write", "audit:read"],
      await exportJWK(keys.publicKey),
    );
    const signed = () =>
      craft({
        claims: validClaims({ iss: all.id, sub: all.id }),
        header: { kid: all.keys[0]!.kid },
        key: keys.privateKey,
      });
    const problem = await expectProblem(
      await h.request("/v1/clients", { token: await signed() }),
      403,
      "forbidden",
    );
    // Plainly: no scope would help, so none is named.
    expect(problem.detail).toMatch(/^Integrations cannot manage API clients/);
    expect(problem.detail).not.toContain("clients:manage");
    const revoke = await h.request(`/v1/clients/${all.id}/revoke`, {
      method: "POST",
      token: await signed(),
    });
    await expectProblem(revoke, 403, "forbidden");
  });
});

describe("the tenant comes from the client record", () => {
  it("ignores a tid claim naming another organization", async () => {
    const b = await findTenantBySlug(h.platform.control, "asr-b");
    const res = await members(await craft({ claims: validClaims({ tid: b.id }) }));
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: MemberView[] };
    expect(items.map((m) => m.id)).not.toContain("only-in-b");
  });
});
