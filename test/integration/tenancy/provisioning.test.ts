import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tenants } from "../../../db/control/schema";
import { LocalFileProvisioner } from "../../../host/local-provisioner";
import { AppError } from "../../../workers/shared/src/contracts/common/errors";
import {
  type Provisioner,
  ProvisioningError,
} from "../../../workers/shared/src/platform/provisioning";
import { createTenant, findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const input = (slug: string) => ({ slug, name: `Org ${slug}`, kind: "company" });

async function controlRows(slug: string) {
  return h.platform.control.select().from(tenants).where(eq(tenants.slug, slug));
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => {
      throw new Error("expected createTenant to fail");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A real LocalFileProvisioner under DATA_DIR/tenants, recording what it was asked to do. */
class RecordingProvisioner extends LocalFileProvisioner {
  readonly deleted: string[] = [];
  override async deleteDatabase(slug: string) {
    this.deleted.push(slug);
    await super.deleteDatabase(slug);
  }
}

function tenantFiles(slug: string): string[] {
  return readdirSync(join(h.dataDir, "tenants")).filter((f) => f.startsWith(`${slug}.db`));
}

describe("createTenant when provisioning fails", () => {
  it("reports upstream_failed, leaves no row, and frees the slug", async () => {
    const refusing: Provisioner = {
      createDatabase: async () => {
        throw new ProvisioningError("Turso said no (quota exceeded)", 429);
      },
      deleteDatabase: async () => {},
    };

    const err = await rejection(
      createTenant({ ...h.operator, provisioner: refusing }, input("acme")),
    );

    expect(err.code).toBe("upstream_failed");
    expect(err.status).toBe(502);
    expect(err.message).toContain("Turso said no (quota exceeded)");
    expect(await controlRows("acme")).toEqual([]);
    const again = await h.createTenant("acme");
    expect(again).toMatchObject({ slug: "acme", status: "active" });
  });

  it("does not delete a database it did not create", async () => {
    const provisioner = new RecordingProvisioner(h.dataDir);
    const throwing: Provisioner = {
      createDatabase: async () => {
        throw new Error("socket hang up");
      },
      deleteDatabase: (slug) => provisioner.deleteDatabase(slug),
    };
    const err = await rejection(
      createTenant({ ...h.operator, provisioner: throwing }, input("acme")),
    );
    expect(err.code).toBe("upstream_failed");
    expect(provisioner.deleted).toEqual([]);
  });

  it("deletes the database when its migrations cannot run, leaving no row", async () => {
    const provisioner = new RecordingProvisioner(h.dataDir);
    provisioner.createDatabase = async () => ({
      url: `file:${join(h.dataDir, "no-such-dir", "acme.db")}`,
      authToken: null,
    });

    const err = await rejection(createTenant({ ...h.operator, provisioner }, input("acme")));

    expect(err.code).toBe("upstream_failed");
    expect(err.message).toContain('Could not prepare the database for "acme"');
    expect(provisioner.deleted).toEqual(["acme"]);
    expect(await controlRows("acme")).toEqual([]);
  });

  it("names the database it could not remove in the log, and still frees the slug", async () => {
    const provisioner = new RecordingProvisioner(h.dataDir);
    provisioner.createDatabase = async () => ({
      url: `file:${join(h.dataDir, "no-such-dir", "acme.db")}`,
      authToken: null,
    });
    provisioner.deleteDatabase = async () => {
      throw new ProvisioningError("the storage service is down");
    };
    const logsBefore = h.rawLogs.length;

    const err = await rejection(createTenant({ ...h.operator, provisioner }, input("acme")));

    expect(err.code).toBe("upstream_failed");
    expect(await controlRows("acme")).toEqual([]);
    const logged = h.logs.slice(logsBefore);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "database of a failed tenant create could not be removed",
        slug: "acme",
        error: expect.stringContaining("the storage service is down"),
      }),
    );
  });

  it("removes a half-migrated database file, leaving no row and the slug free", async () => {
    const dir = join(h.dataDir, "tenants");
    const provisioner = new RecordingProvisioner(h.dataDir);
    const create = provisioner.createDatabase.bind(provisioner);
    // A real file, but one the first migration cannot run against.
    provisioner.createDatabase = async (slug) => {
      const database = await create(slug);
      const client = createClient({ url: `file:${join(dir, `${slug}.db`)}` });
      await client.execute("CREATE TABLE audit_log (id INTEGER)");
      client.close();
      return database;
    };

    const err = await rejection(createTenant({ ...h.operator, provisioner }, input("acme")));

    expect(err.code).toBe("upstream_failed");
    expect(err.message).toContain("already exists");
    expect(provisioner.deleted).toEqual(["acme"]);
    expect(tenantFiles("acme")).toEqual([]);
    expect(await controlRows("acme")).toEqual([]);
    expect(await h.createTenant("acme")).toMatchObject({ slug: "acme", status: "active" });
    expect(existsSync(join(dir, "acme.db"))).toBe(true);
  });
});

describe("createTenant with a slug that is taken", () => {
  it("refuses with conflict and leaves the first tenant's database as it was", async () => {
    const first = await h.createTenant("acme");
    const tenant = await findTenantBySlug(h.platform.control, "acme");
    const db = await h.platform.connections.client(tenant);
    await db.execute({
      sql:
        "INSERT INTO members (id, email, display_name, created_at, updated_at)" +
        " VALUES (?, ?, ?, ?, ?)",
      args: ["m1", "ada@acme.example", "Ada", Date.now(), Date.now()],
    });

    const err = await rejection(h.createTenant("acme", "Another Acme"));

    expect(err.code).toBe("conflict");
    expect(err.status).toBe(409);
    expect(err.message).toBe('A tenant with slug "acme" already exists.');
    const rows = await controlRows("acme");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, name: "Org acme", status: "active" });
    expect(rows[0]!.dbUrl).toBe(tenant.dbUrl);
    const members = await db.execute("SELECT email FROM members");
    expect(members.rows.map((r) => r.email)).toEqual(["ada@acme.example"]);
  });

  it("lets exactly one of five concurrent creations win", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => h.createTenant("race", `Racer ${i}`)),
    );

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const r of lost) expect((r.reason as AppError).code).toBe("conflict");
    const rows = await controlRows("race");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: won[0]!.value.id, status: "active" });
    expect(tenantFiles("race")).toEqual(["race.db"]);
    const client = await h.platform.connections.client(rows[0]!);
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE name = 'members'");
    expect(tables.rows).toHaveLength(1);
  });
});
