import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { applyMigrations, type Migration } from "../../../db/migrate";
import { migrations as tenantMigrations } from "../../../db/tenant/migrations.gen";
import {
  findTenantBySlug,
  migrateTenants,
  setTenantStatus,
  tenantSchemaVersion,
} from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

const slugs = ["alpha", "bravo", "charlie"];

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  for (const slug of slugs) await h.createTenant(slug);
});
afterEach(() => h.close());

async function clientFor(slug: string) {
  return h.platform.connections.client(await findTenantBySlug(h.platform.control, slug));
}

async function ledger(slug: string) {
  const client = await clientFor(slug);
  const rs = await client.execute("SELECT tag, applied_at FROM _tandem_migrations ORDER BY tag");
  return rs.rows.map((r) => ({ tag: String(r.tag), appliedAt: Number(r.applied_at) }));
}

async function tableNames(slug: string): Promise<string[]> {
  const client = await clientFor(slug);
  const rs = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
  return rs.rows.map((r) => String(r.name));
}

async function schemaVersions(): Promise<Record<string, number>> {
  const rows = await h.platform.control
    .select({ slug: tenants.slug, schemaVersion: tenants.schemaVersion })
    .from(tenants);
  return Object.fromEntries(rows.map((r) => [r.slug, r.schemaVersion]));
}

async function resetSchemaVersions() {
  await h.platform.control.update(tenants).set({ schemaVersion: 0 });
}

const migrate = () => migrateTenants(h.platform.control, h.platform.connections, {});

describe("migrateTenants", () => {
  it("changes nothing when run again: same versions, same ledger rows", async () => {
    const first = await migrate();
    const ledgersBefore = await Promise.all(slugs.map(ledger));
    const second = await migrate();

    const expected = slugs.map((slug) => ({ slug, schemaVersion: tenantSchemaVersion }));
    expect(first).toEqual({ migrated: expected, failed: [] });
    expect(second).toEqual(first);
    expect(await Promise.all(slugs.map(ledger))).toEqual(ledgersBefore);
    for (const rows of ledgersBefore) expect(rows).toHaveLength(tenantMigrations.length);
  });

  it("records each tenant's schema version in the control database", async () => {
    await resetSchemaVersions();
    const progress: [number, number][] = [];
    await migrateTenants(h.platform.control, h.platform.connections, {
      concurrency: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(await schemaVersions()).toEqual({
      alpha: tenantSchemaVersion,
      bravo: tenantSchemaVersion,
      charlie: tenantSchemaVersion,
    });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it("migrates suspended tenants too, so resuming one needs no migration", async () => {
    await setTenantStatus(h.operator, "charlie", "suspended");
    await resetSchemaVersions();
    const report = await migrate();
    expect(report.migrated.map((m) => m.slug)).toEqual(slugs);
    expect((await schemaVersions()).charlie).toBe(tenantSchemaVersion);
  });

  it("reports a tenant whose database cannot open, by slug, and migrates the rest", async () => {
    await h.breakTenantDb("bravo");
    await resetSchemaVersions();

    const report = await migrate();

    expect(report.migrated).toEqual([
      { slug: "alpha", schemaVersion: tenantSchemaVersion },
      { slug: "charlie", schemaVersion: tenantSchemaVersion },
    ]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.slug).toBe("bravo");
    expect(report.failed[0]!.error).toBeTruthy();
    expect(report.failed[0]!.error).not.toContain("file:");
    expect(await schemaVersions()).toEqual({
      alpha: tenantSchemaVersion,
      bravo: 0,
      charlie: tenantSchemaVersion,
    });
  });
});

describe("applyMigrations", () => {
  it("applies a new migration once and counts it in the schema version", async () => {
    const client = await clientFor("alpha");
    const extra: Migration = { tag: "9999_test", statements: ["CREATE TABLE extra (id INTEGER)"] };
    const bundle = [...tenantMigrations, extra];

    expect(await applyMigrations(client, bundle)).toBe(tenantSchemaVersion + 1);
    expect(await tableNames("alpha")).toContain("extra");
    const after = await ledger("alpha");
    expect(after.map((r) => r.tag)).toContain("9999_test");
    expect(after).toHaveLength(tenantMigrations.length + 1);

    expect(await applyMigrations(client, bundle)).toBe(tenantSchemaVersion + 1);
    expect(await ledger("alpha")).toEqual(after);
    // The other tenants are untouched.
    expect(await tableNames("bravo")).not.toContain("extra");
  });

  it("leaves neither table nor ledger row when a migration's second statement fails", async () => {
    const client = await clientFor("alpha");
    const before = await ledger("alpha");
    const whole: Migration = { tag: "9998_whole", statements: ["CREATE TABLE whole (id INTEGER)"] };
    const broken: Migration = {
      tag: "9999_broken",
      statements: ["CREATE TABLE half_done (id INTEGER)", "INSERT INTO no_such_table VALUES (1)"],
    };

    await expect(applyMigrations(client, [...tenantMigrations, whole, broken])).rejects.toThrow(
      /no_such_table/,
    );

    const tables = await tableNames("alpha");
    expect(tables).not.toContain("half_done");
    expect(tables).toContain("whole");
    const after = await ledger("alpha");
    expect(after.map((r) => r.tag)).toEqual([...before.map((r) => r.tag), "9998_whole"]);

    // Once fixed, the migration applies cleanly from where it stopped.
    const fixed: Migration = { ...broken, statements: ["CREATE TABLE half_done (id INTEGER)"] };
    expect(await applyMigrations(client, [...tenantMigrations, whole, fixed])).toBe(
      tenantSchemaVersion + 2,
    );
    expect(await tableNames("alpha")).toContain("half_done");
  });
});
