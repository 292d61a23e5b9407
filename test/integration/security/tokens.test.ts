import { base64url, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../../workers/shared/src/contracts/common/errors";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

let h: Harness;
let tenantId: string;
beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("tokens");
  tenantId = (await findTenantBySlug(h.platform.control, "tokens")).id;
  // The tokens below name member-7; only an active member's token is honoured.
  await h.tokenFor("tokens", { memberId: "member-7", role: "admin" });
});
afterAll(() => h.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Claims of a token the API should accept; each attack changes one thing. */
function validClaims(): JWTPayload {
  const iat = nowSeconds();
  return {
    tid: tenantId,
    role: "member",
    sub: "member-7",
    iss: h.platform.tokenAudience.issuer,
    aud: h.platform.tokenAudience.audience,
    iat,
    exp: iat + 600,
  };
}

function validHeader() {
  return { alg: "EdDSA", kid: h.platform.signingKeys.kid, typ: "at+jwt" };
}

/** Signs with the platform's own key unless told otherwise. */
async function craft(
  opts: {
    claims?: JWTPayload;
    header?: Record<string, unknown>;
    key?: CryptoKey | Uint8Array;
  } = {},
): Promise<string> {
  const header = { ...validHeader(), ...opts.header } as { alg: string };
  return new SignJWT(opts.claims ?? validClaims())
    .setProtectedHeader(header)
    .sign(opts.key ?? h.platform.signingKeys.privateKey);
}

function withoutClaim(name: string): JWTPayload {
  const claims = validClaims();
  delete claims[name];
  return claims;
}

function encodePart(value: unknown): string {
  return base64url.encode(new TextEncoder().encode(JSON.stringify(value)));
}

async function members(authorization?: string): Promise<Response> {
  return h.request("/v1/members", {
    headers: authorization === undefined ? {} : { authorization },
  });
}

async function expectRejected(res: Response) {
  expect(res.status).toBe(401);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(body).toMatchObject({ status: 401, code: "unauthorized" });
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  return body;
}

describe("accepted tokens (control cases)", () => {
  it("a token crafted like the platform's own is accepted", async () => {
    const res = await members(`Bearer ${await craft()}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string }[] };
    expect(body.items.map((m) => m.id)).toEqual(["member-7"]);
  });

  it("a token expired by less than the 30 s clock tolerance is still accepted", async () => {
    const iat = nowSeconds() - 600;
    const token = await craft({ claims: { ...validClaims(), iat, exp: nowSeconds() - 10 } });
    expect((await members(`Bearer ${token}`)).status).toBe(200);
  });

  it("the bearer scheme is case-insensitive", async () => {
    expect((await members(`bearer ${await craft()}`)).status).toBe(200);
  });
});

describe("rejected tokens", () => {
  it("no authorization header", async () => {
    const body = await expectRejected(await members());
    expect(body.detail).toMatch(/Bearer/);
  });

  it("a non-bearer scheme", async () => {
    await expectRejected(await members(`Basic ${await craft()}`));
  });

  it("Bearer garbage", async () => {
    await expectRejected(await members("Bearer garbage"));
  });

  it("an unsigned alg:none token", async () => {
    const header = encodePart({ alg: "none", typ: "at+jwt", kid: h.platform.signingKeys.kid });
    const token = `${header}.${encodePart(validClaims())}.`;
    await expectRejected(await members(`Bearer ${token}`));
  });

  it("HS256 signed with the public key's bytes as the HMAC secret", async () => {
    const publicJwk = h.platform.signingKeys.publicJwks[0]!;
    const secret = base64url.decode(publicJwk.x!);
    const token = await craft({ header: { alg: "HS256" }, key: secret });
    await expectRejected(await members(`Bearer ${token}`));
  });

  it("signed by a different Ed25519 key under the platform's kid", async () => {
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    await expectRejected(await members(`Bearer ${await craft({ key: privateKey })}`));
  });

  it("signed by a different key whose kid is unknown", async () => {
    const { privateKey, publicKey } = await generateKeyPair("EdDSA", {
      crv: "Ed25519",
      extractable: true,
    });
    expect((await exportJWK(publicKey)).x).not.toBe(h.platform.signingKeys.publicJwks[0]!.x);
    const token = await craft({ key: privateKey, header: { kid: "attacker-kid" } });
    await expectRejected(await members(`Bearer ${token}`));
  });

  it("the platform's own key under an unknown kid", async () => {
    await expectRejected(await members(`Bearer ${await craft({ header: { kid: "nope" } })}`));
  });

  it("a wrong audience", async () => {
    const claims = { ...validClaims(), aud: "https://someone-else.example" };
    await expectRejected(await members(`Bearer ${await craft({ claims })}`));
  });

  it("a wrong issuer", async () => {
    const claims = { ...validClaims(), iss: "https://evil.example" };
    await expectRejected(await members(`Bearer ${await craft({ claims })}`));
  });

  it("a wrong header typ", async () => {
    await expectRejected(await members(`Bearer ${await craft({ header: { typ: "JWT" } })}`));
  });

  it("a token without exp", async () => {
    const token = await craft({ claims: withoutClaim("exp") });
    await expectRejected(await members(`Bearer ${token}`));
  });

  it("a token expired beyond the 30 s tolerance", async () => {
    const iat = nowSeconds() - 900;
    const token = await craft({ claims: { ...validClaims(), iat, exp: nowSeconds() - 60 } });
    await expectRejected(await members(`Bearer ${token}`));
  });

  it("a token valid in every way but missing tid", async () => {
    const token = await craft({ claims: withoutClaim("tid") });
    await expectRejected(await members(`Bearer ${token}`));
  });

  it("a token with an unknown role", async () => {
    const token = await craft({ claims: { ...validClaims(), role: "owner" } });
    await expectRejected(await members(`Bearer ${token}`));
  });

  it("a token whose signature was altered", async () => {
    const [head, payload, sig] = (await craft()).split(".");
    const flipped = `${sig!.slice(0, 10)}${sig![10] === "A" ? "B" : "A"}${sig!.slice(11)}`;
    await expectRejected(await members(`Bearer ${head}.${payload}.${flipped}`));
  });

  it("a payload swapped to another tenant keeps the original signature", async () => {
    const [head, , sig] = (await craft()).split(".");
    const forged = encodePart({ ...validClaims(), tid: crypto.randomUUID() });
    await expectRejected(await members(`Bearer ${head}.${forged}.${sig}`));
  });
});
