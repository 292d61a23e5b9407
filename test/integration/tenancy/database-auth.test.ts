import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { enqueueSweeps } from "../../../workers/scheduler/src/sweep";
import { seal } from "../../../workers/shared/src/platform/seal";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type AuthHarness, startAuthHarness, strongPassword } from "../../support/auth-fixtures";
import {
  gatewayProvisioner,
  type LibsqlGateway,
  startLibsqlGateway,
} from "../../support/libsql-gateway";
import { expectProblem } from "../../support/problem";

const revokedToken = "revoked-token-0123456789abcdef";
let dir: string;
let gateway: LibsqlGateway;
let h: AuthHarness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tandem-refused-"));
  // Tenant databases on a libSQL server, as on Turso, which refuses a wrong token with 401.
  gateway = await startLibsqlGateway({ dir, createMissing: true });
  h = await startAuthHarness({ provisioner: gatewayProvisioner(gateway) });
  for (const slug of ["refused", "trusted"]) {
    await h.createTenant(slug);
    await h.addMember(slug, { email: `ada@${slug}.example` });
  }
});
afterAll(async () => {
  await h.close();
  await gateway.close();
  rmSync(dir, { recursive: true, force: true });
});

const signIn = (slug: string) =>
  h.post(`/v1/orgs/${slug}/auth/login`, { email: `ada@${slug}.example`, password: strongPassword });

/** The server stops honouring the token the control database holds for the tenant. */
async function revokeToken(slug: string) {
  const tenant = await findTenantBySlug(h.platform.control, slug);
  await h.platform.control
    .update(tenants)
    .set({ dbTokenSealed: await seal(h.platform.sealKey, revokedToken) })
    .where(eq(tenants.id, tenant.id));
  h.platform.tenants.forget(tenant.id);
  h.platform.connections.evict(tenant.id);
  return tenant;
}

describe("a tenant database that refuses its credentials (401 AUTH_FAILED)", () => {
  it("signing in to it is 503 tenant_unavailable, logged with the reason and never the token; others sign in", async () => {
    expect((await signIn("refused")).status).toBe(200);
    await revokeToken("refused");
    const logsBefore = h.rawLogs.length;

    const res = await signIn("refused");
    await expectProblem(res, 503, "tenant_unavailable");
    expect(res.headers.get("retry-after")).toBe("5");
    expect((await signIn("trusted")).status).toBe(200);

    const lines = h.rawLogs.slice(logsBefore);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.find((l) => l.msg === "tenant database unavailable")).toMatchObject({
      level: "warn",
      tenant: "refused",
      reason: "AUTH_FAILED",
    });
    expect(logged.some((l) => l.msg === "unhandled error")).toBe(false);
    const text = lines.join("\n");
    expect(text).not.toContain(revokedToken);
    expect(text).not.toContain(gateway.token);
    expect(text).not.toContain(gateway.url);
  });

  it("the sweep reports that tenant as unavailable and sweeps the others", async () => {
    const refused = await revokeToken("refused");
    const trusted = await findTenantBySlug(h.platform.control, "trusted");
    const deadBefore = h.queue.deadLetters.length;

    await enqueueSweeps(h.platform.control, h.queue, new Date("2030-05-01T09:00:00Z"));
    await h.deliver();

    const dead = h.queue.deadLetters.slice(deadBefore);
    expect(dead.map((d) => d.body.tenantId)).toEqual([refused.id]);
    expect(dead[0]!.error).toMatch(
      /^Tenant "refused" is unavailable \(AUTH_FAILED\); retrying later/,
    );
    const swept = h.logs.filter((l) => l.msg === "tenant swept").map((l) => l.tenantId);
    expect(swept).toContain(trusted.id);
    expect(h.rawLogs.join("\n")).not.toContain(revokedToken);
  });
});
