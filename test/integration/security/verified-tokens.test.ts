import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { members } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { signAccessToken } from "../../../workers/shared/src/security/access-tokens";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

// The harness's clock, moved by the tests: expiry follows the platform's clock, not the wall's.
let now = new Date();
let h: Harness;
let db: TenantDb;
let tenantId: string;
beforeAll(async () => {
  h = await startHarness({ now: () => now });
  await h.createTenant("verified");
  const tenant = await findTenantBySlug(h.platform.control, "verified");
  tenantId = tenant.id;
  db = await h.platform.connections.db(tenant);
});
afterAll(() => h.close());
afterEach(() => {
  vi.restoreAllMocks();
  now = new Date();
});

/** Counts the Ed25519 verifications WebCrypto performs (a spy: the real verify still runs). */
function countSignatureChecks() {
  return vi.spyOn(crypto.subtle, "verify");
}

async function tokenFor(memberId: string, ttlSeconds = 600): Promise<string> {
  await h.tokenFor("verified", { memberId, role: "admin" });
  const claims = { memberId, tenantId, role: "admin" as const };
  return signAccessToken(h.platform.signingKeys, h.platform.tokenAudience, claims, now, ttlSeconds);
}

const listMembers = (token: string) => h.request("/v1/members?limit=5", { token });

describe("a member's access token is verified once per process", () => {
  it("checks the signature on the first request only, then answers from what it verified", async () => {
    const token = await tokenFor("vt-repeat");
    const checks = countSignatureChecks();
    for (let i = 0; i < 5; i++) expect((await listMembers(token)).status).toBe(200);
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it("verifies again a token that differs only in its signature, and refuses it", async () => {
    const token = await tokenFor("vt-forged");
    expect((await listMembers(token)).status).toBe(200);
    const [head, payload, sig] = token.split(".");
    const flipped = `${sig!.slice(0, 5)}${sig![5] === "A" ? "B" : "A"}${sig!.slice(6)}`;
    const checks = countSignatureChecks();
    expect((await listMembers(`${head}.${payload}.${flipped}`)).status).toBe(401);
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it("never answers for a token past its exp: it is verified again, then refused", async () => {
    const token = await tokenFor("vt-expiry", 60);
    expect((await listMembers(token)).status).toBe(200);
    const checks = countSignatureChecks();
    // 10 s past exp: within the 30 s clock tolerance, so accepted, but only by verifying anew.
    now = new Date(now.getTime() + 70_000);
    expect((await listMembers(token)).status).toBe(200);
    expect(checks).toHaveBeenCalledTimes(1);
    now = new Date(now.getTime() + 30_000);
    expect((await listMembers(token)).status).toBe(401);
  });

  it("deactivation still refuses a remembered token on the very next request", async () => {
    const token = await tokenFor("vt-deactivated");
    expect((await listMembers(token)).status).toBe(200);
    await db.update(members).set({ status: "deactivated" }).where(eq(members.id, "vt-deactivated"));
    expect((await listMembers(token)).status).toBe(401);
  });

  it("a demotion applies on the very next request, whatever role the token names", async () => {
    const token = await tokenFor("vt-demoted");
    expect((await listMembers(token)).status).toBe(200);
    await db.update(members).set({ role: "member" }).where(eq(members.id, "vt-demoted"));
    expect((await listMembers(token)).status).toBe(403);
  });
});
