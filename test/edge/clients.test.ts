import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationClients } from "../../db/control/schema";
import { findTenantBySlug } from "../../workers/shared/src/tenancy/tenants";
import { storedJwk } from "../support/client-keys";
import { type Edge, publicUrl, startEdge } from "../support/edge-harness";

let edge: Edge;
let privateKey: CryptoKey;
const clientId = "cli_edgetest0000000000000000000001";

beforeAll(async () => {
  edge = await startEdge();
  await edge.createTenant("edgeclients");
  // Makes the tenant's first member, so the list below has something to show.
  await edge.tokenFor("edgeclients", "edge-admin");
  const tenant = await findTenantBySlug(edge.operator.control, "edgeclients");
  const keys = await generateKeyPair("EdDSA", { extractable: true });
  privateKey = keys.privateKey;
  const now = new Date();
  await edge.operator.control.insert(integrationClients).values({
    id: clientId,
    tenantId: tenant.id,
    name: "Edge HR sync",
    scopes: ["members:read"],
    jwks: [await storedJwk(keys.publicKey, "edge-1")],
    status: "active",
    createdAt: now,
    updatedAt: now,
  });
});

afterAll(() => edge?.close());

async function assertion(): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: "EdDSA", kid: "edge-1" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(publicUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 120)
    .sign(privateKey);
}

describe("integration clients in workerd", () => {
  it("a client JWT lists its organization's members, and its replay is refused", async () => {
    const token = await assertion();
    const first = await edge.api("/v1/members", { token });
    expect(first.status).toBe(200);
    const body = (await first.json()) as { items: { id: string }[] };
    expect(body.items.map((m) => m.id)).toContain("edge-admin");

    const replay = await edge.api("/v1/members", { token });
    expect(replay.status).toBe(401);
    expect(replay.headers.get("content-type")).toBe("application/problem+json");
    expect(await replay.json()).toMatchObject({ code: "unauthorized" });
  });

  it("refuses a client token on the client registry", async () => {
    const res = await edge.api("/v1/clients", { token: await assertion() });
    expect(res.status).toBe(403);
  });
});
