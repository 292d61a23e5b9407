import { eq } from "drizzle-orm";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { integrationClients } from "../../../db/control/schema";
import type { ClientView } from "../../../workers/shared/src/contracts/clients";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

// The platform's signing keys are public (/.well-known/jwks.json), so anyone can paste one into
// the client form; a client holding one would share the key every access token is signed with.

let h: Harness;
let admin: string;

beforeAll(async () => {
  h = await startHarness({ env: { JWKS_HOST_ALLOWLIST: "keys.partner.example" } });
  await h.createTenant("pkeys");
  admin = await h.tokenFor("pkeys", { memberId: "admin-pkeys", role: "admin" });
});
afterAll(() => h.close());
afterEach(() => vi.restoreAllMocks());

function call(path: string, method = "GET", body?: unknown) {
  return h.request(path, {
    method,
    token: admin,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The platform's key as /.well-known/jwks.json publishes it. */
async function publishedKey() {
  const res = await h.request("/.well-known/jwks.json");
  const { keys } = (await res.json()) as { keys: Record<string, string>[] };
  return keys[0]!;
}

/** A client assertion made with the platform's private key, as only its holder could. */
function signedByPlatform(clientId: string, kid: string) {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: "EdDSA", kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(h.platform.tokenAudience.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 60)
    .sign(h.platform.signingKeys.privateKey);
}

describe("the platform's own signing key", () => {
  it("cannot be registered as a client's key, under its own kid or another", async () => {
    const published = await publishedKey();
    for (const jwk of [published, { ...published, kid: "hr-system-2026" }]) {
      const res = await call("/v1/clients", "POST", {
        name: "Looks like HR",
        scopes: ["members:read"],
        jwk,
      });
      const problem = await expectProblem(res, 400, "validation");
      expect(problem.errors).toEqual([
        { field: "jwk", message: expect.stringContaining("Tandem's own signing keys") },
      ]);
    }
    const clients = await (await call("/v1/clients")).json();
    expect(clients).toEqual({ items: [] });
  });

  it("cannot be added to a client's keys", async () => {
    const { publicKey } = await generateKeyPair("ES256", { extractable: true });
    const res = await call("/v1/clients", "POST", {
      name: "Rotating",
      scopes: ["members:read"],
      jwk: await exportJWK(publicKey),
    });
    const client = (await res.json()) as ClientView;
    const added = await call(`/v1/clients/${client.id}/keys`, "POST", {
      jwk: { ...(await publishedKey()), kid: "next" },
    });
    await expectProblem(added, 400, "validation");
    const after = (await (await call("/v1/clients")).json()) as { items: ClientView[] };
    expect(after.items[0]!.keys.map((k) => k.kid)).toEqual(client.keys.map((k) => k.kid));
  });

  it("verifies nothing when a client's stored keys hold it (stored before the check)", async () => {
    const { publicKey } = await generateKeyPair("ES256", { extractable: true });
    const res = await call("/v1/clients", "POST", {
      name: "Old registration",
      scopes: ["members:read"],
      jwk: await exportJWK(publicKey),
    });
    const client = (await res.json()) as ClientView;
    const platformKey = { ...(await publishedKey()), kid: "stored-long-ago" };
    await h.platform.control
      .update(integrationClients)
      .set({ jwks: [platformKey as never] })
      .where(eq(integrationClients.id, client.id));
    const token = await signedByPlatform(client.id, "stored-long-ago");
    await expectProblem(await h.request("/v1/members", { token }), 401, "unauthorized");
  });

  it("verifies nothing when a client's JWKS URL serves it", async () => {
    const served = { ...(await publishedKey()), kid: "partner-2026" };
    const fetchSpy = vi
      .spyOn(globalThis, "fetch")
      .mockImplementation(async () => Response.json({ keys: [served] }));
    const res = await call("/v1/clients", "POST", {
      name: "Keys elsewhere",
      scopes: ["members:read"],
      jwksUrl: "https://keys.partner.example/jwks.json",
    });
    const client = (await res.json()) as ClientView;
    const token = await signedByPlatform(client.id, "partner-2026");
    await expectProblem(await h.request("/v1/members", { token }), 401, "unauthorized");
    expect(fetchSpy).toHaveBeenCalled();
  });
});
