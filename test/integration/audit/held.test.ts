import { eq, sql } from "drizzle-orm";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { heldAudit, integrationClients } from "../../../db/control/schema";
import { auditLog } from "../../../db/tenant/schema";
import { sweepTenant } from "../../../workers/scheduler/src/sweep";
import type { AuditEntryView } from "../../../workers/shared/src/contracts/audit";
import type { ClientView } from "../../../workers/shared/src/contracts/clients";
import type { Page } from "../../../workers/shared/src/contracts/common/pagination";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { holdAudit, releaseHeldAudit } from "../../../workers/shared/src/tenancy/held-audit";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

// API clients live in the control database, so their audit entries are held there in the
// same transaction as the change, then copied into the organization's own log.
let h: Harness;
let db: TenantDb;
let tenantId: string;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("held-org");
  const tenant = await findTenantBySlug(h.platform.control, "held-org");
  tenantId = tenant.id;
  db = await h.platform.connections.db(tenant);
  admin = await h.tokenFor("held-org", { memberId: "admin", role: "admin" });
});
afterAll(() => h.close());

const refuseAudit = () =>
  db.run(
    sql.raw(`CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log refused'); END`),
  );
const acceptAudit = () => db.run(sql.raw("DROP TRIGGER audit_refused"));
const held = () =>
  h.platform.control.select().from(heldAudit).where(eq(heldAudit.tenantId, tenantId));

async function register(name: string): Promise<ClientView> {
  const { publicKey } = await generateKeyPair("ES256", { extractable: true });
  const res = await h.request("/v1/clients", {
    method: "POST",
    token: admin,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, scopes: ["members:read"], jwk: await exportJWK(publicKey) }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ClientView;
}

async function auditActions(): Promise<string[]> {
  const res = await h.request("/v1/audit?limit=100", { token: admin });
  expect(res.status).toBe(200);
  return ((await res.json()) as Page<AuditEntryView>).items.map(
    (e) => `${e.action} ${e.subjectId}`,
  );
}

describe("audit entries of API client changes", () => {
  it("survive a tenant audit log that cannot be written when the client changes", async () => {
    await refuseAudit();
    const client = await register("Payroll sync");
    const revoked = await h.request(`/v1/clients/${client.id}/revoke`, {
      method: "POST",
      token: admin,
    });
    expect(revoked.status).toBe(200);
    await acceptAudit();
    // Both changes happened, and both entries wait in the control database.
    const [stored] = await h.platform.control
      .select()
      .from(integrationClients)
      .where(eq(integrationClients.id, client.id));
    expect(stored?.status).toBe("revoked");
    expect((await held()).map((e) => e.action)).toEqual(["client.register", "client.revoke"]);

    // Reading the log copies them in, oldest first, with who made the change.
    const actions = await auditActions();
    expect(actions.filter((a) => a.endsWith(client.id))).toEqual([
      `client.revoke ${client.id}`,
      `client.register ${client.id}`,
    ]);
    expect(await held()).toEqual([]);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "client.register"));
    expect(entry).toMatchObject({ actorType: "member", actorId: "admin", subjectType: "client" });

    // Reading again copies nothing twice.
    expect((await auditActions()).filter((a) => a.endsWith(client.id))).toHaveLength(2);
  });

  it("are copied at once when the tenant's log accepts them", async () => {
    const client = await register("Badge system");
    expect(await held()).toEqual([]);
    const rows = await db.select().from(auditLog).where(eq(auditLog.subjectId, client.id));
    expect(rows.map((r) => r.action)).toEqual(["client.register"]);
  });

  it("land once even when a copy was made but its release was lost (a crash between them)", async () => {
    const at = new Date();
    const entry = { tenantId, at, actorType: "system", action: "client.revoke" } as const;
    await holdAudit(h.platform.control, {
      ...entry,
      subjectType: "client",
      subjectId: "cli_x",
      detail: {},
    });
    const [waiting] = await held();
    // The copy landed, but the control database never heard: the entry is still held.
    await db
      .insert(auditLog)
      .values({ ...entry, subjectId: "cli_x", detail: {}, heldId: waiting!.id });
    expect(await releaseHeldAudit(h.platform.control, db, tenantId)).toBe(1);
    expect(await held()).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, "cli_x"))).toHaveLength(1);
  });

  it("are copied by the scheduler's sweep when nobody reads the log", async () => {
    await refuseAudit();
    const client = await register("Calendar bridge");
    await acceptAudit();
    expect(await held()).toHaveLength(1);
    await sweepTenant(h.platform, { tenantId, tick: new Date().toISOString() });
    expect(await held()).toEqual([]);
    const rows = await db.select().from(auditLog).where(eq(auditLog.subjectId, client.id));
    expect(rows.map((r) => r.action)).toEqual(["client.register"]);
  });
});
