import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorAudit, tenants } from "../../../db/control/schema";
import {
  type Provisioner,
  ProvisioningError,
} from "../../../workers/shared/src/platform/provisioning";
import { tenantSchemaVersion } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Init = { method?: string; body?: unknown; token?: string | null };

/** Calls the operator API with the operator token unless `token` says otherwise. */
function op(harness: Harness, path: string, init: Init = {}): Promise<Response> {
  const token = init.token === undefined ? harness.platform.operatorToken : init.token;
  return harness.request(`/operator/v1${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    ...(token === null ? {} : { token }),
    ...(init.body === undefined
      ? {}
      : { body: JSON.stringify(init.body), headers: { "content-type": "application/json" } }),
  });
}

const createBody = (slug: string, kind = "university") => ({ slug, name: `Org ${slug}`, kind });

async function tenantRows(harness: Harness, slug: string) {
  return harness.platform.control.select().from(tenants).where(eq(tenants.slug, slug));
}

/** Log lines must never carry database locations or secrets. */
function expectCleanLogs(harness: Harness) {
  expect(harness.rawLogs.length).toBeGreaterThan(0);
  const secrets = ["file:", "libsql://", harness.platform.operatorToken, harness.platform.sealKey];
  for (const line of harness.rawLogs) {
    for (const secret of secrets) expect(line).not.toContain(secret);
  }
}

describe("operator authentication", () => {
  it.each([
    ["no bearer", null],
    ["a wrong bearer", "not-the-operator-token"],
  ])("%s is 401 on every operator route", async (_, token) => {
    const calls = [
      op(h, "/tenants", { token }),
      op(h, "/tenants", { token, body: createBody("auth-probe") }),
      op(h, "/tenants/auth-probe/suspend", { token, method: "POST" }),
      op(h, "/migrate", { token, method: "POST" }),
    ];
    for (const res of await Promise.all(calls)) await expectProblem(res, 401, "unauthorized");
    expect(await tenantRows(h, "auth-probe")).toEqual([]);
  });

  it("a member access token is not an operator token", async () => {
    await h.createTenant("member-org");
    const token = await h.tokenFor("member-org");
    await expectProblem(await op(h, "/tenants", { token }), 401, "unauthorized");
  });
});

describe("creating tenants", () => {
  it("POST /tenants makes an active, migrated tenant and hides its database", async () => {
    const res = await op(h, "/tenants", { body: createBody("acme-uni") });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      slug: "acme-uni",
      name: "Org acme-uni",
      kind: "university",
      status: "active",
    });
    expect(body.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(body.schemaVersion).toBe(tenantSchemaVersion);
    expect(typeof body.id).toBe("string");
    for (const key of Object.keys(body)) expect(key).not.toMatch(/db|url|token|sealed/i);
    expect(JSON.stringify(body)).not.toContain("file:");

    const file = join(h.dataDir, "tenants", "acme-uni.db");
    expect(existsSync(file)).toBe(true);
    const client = createClient({ url: `file:${file}` });
    try {
      const tables = await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'members'",
      );
      expect(tables.rows).toHaveLength(1);
    } finally {
      client.close();
    }

    const [row] = await tenantRows(h, "acme-uni");
    expect(row).toMatchObject({ status: "active", schemaVersion: tenantSchemaVersion });
    const audits = await h.platform.control
      .select()
      .from(operatorAudit)
      .where(eq(operatorAudit.tenantSlug, "acme-uni"));
    expect(audits.map((a) => [a.action, a.actor])).toEqual([["tenant.create", "operator-api"]]);
  });

  it("the created tenant serves its members API at once", async () => {
    expect((await op(h, "/tenants", { body: createBody("ready-co", "company") })).status).toBe(201);
    const res = await h.request("/v1/members", { token: await h.tokenFor("ready-co") });
    expect(res.status).toBe(200);
  });

  it("a duplicate slug is 409 naming the slug, and the first tenant is untouched", async () => {
    expect((await op(h, "/tenants", { body: createBody("twice") })).status).toBe(201);
    const [before] = await tenantRows(h, "twice");
    const body = await expectProblem(
      await op(h, "/tenants", { body: createBody("twice", "company") }),
      409,
      "conflict",
    );
    expect(body.detail).toContain("twice");
    const rows = await tenantRows(h, "twice");
    expect(rows).toEqual([before]);
    expect(existsSync(join(h.dataDir, "tenants", "twice.db"))).toBe(true);
  });

  it.each([
    ["AB", { slug: "AB", name: "Upper", kind: "company" }, "slug"],
    ["-abc", { slug: "-abc", name: "Leading dash", kind: "company" }, "slug"],
    ["abc-", { slug: "abc-", name: "Trailing dash", kind: "company" }, "slug"],
    ["a_b_c", { slug: "a_b_c", name: "Underscores", kind: "company" }, "slug"],
    ["41 chars", { slug: "a".repeat(41), name: "Long", kind: "company" }, "slug"],
    ["reserved admin", { slug: "admin", name: "Reserved", kind: "company" }, "slug"],
    ["missing name", { slug: "no-name", kind: "company" }, "name"],
    ["blank name", { slug: "blank-name", name: "   ", kind: "company" }, "name"],
    ["unknown kind", { slug: "odd-kind", name: "Odd", kind: "government" }, "kind"],
    ["non-string slug", { slug: 42, name: "Number", kind: "company" }, "slug"],
  ])("%s is 400 with a per-field error and no tenant row", async (_, input, field) => {
    const before = (await h.platform.control.select().from(tenants)).length;
    const body = await expectProblem(await op(h, "/tenants", { body: input }), 400, "validation");
    expect(body.errors.length).toBeGreaterThanOrEqual(1);
    expect(body.errors.map((e) => e.field)).toContain(field);
    for (const e of body.errors) expect(typeof e.message).toBe("string");
    const slug = String(input.slug);
    expect(await tenantRows(h, slug)).toEqual([]);
    expect(existsSync(join(h.dataDir, "tenants", `${slug}.db`))).toBe(false);
    // Validation happens before the slug is claimed, even briefly.
    expect((await h.platform.control.select().from(tenants)).length).toBe(before);
  });

  it("an empty object reports every missing field", async () => {
    const body = await expectProblem(await op(h, "/tenants", { body: {} }), 400, "validation");
    const fields = body.errors.map((e) => e.field).sort();
    expect(fields).toEqual(["kind", "name", "slug"]);
  });
});

describe("listing, suspending and migrating", () => {
  it("GET /tenants lists tenants by slug without database details", async () => {
    await h.createTenant("list-b");
    await h.createTenant("list-a");
    const res = await op(h, "/tenants");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Record<string, unknown>[] };
    const slugs = items.map((t) => t.slug as string);
    expect(slugs).toEqual(expect.arrayContaining(["list-a", "list-b"]));
    expect(slugs).toEqual([...slugs].sort());
    for (const t of items) {
      expect(t).not.toHaveProperty("dbUrl");
      expect(t).not.toHaveProperty("dbTokenSealed");
    }
  });

  it("suspending sets status suspended, records an audit row and locks members out", async () => {
    await h.createTenant("to-suspend");
    const token = await h.tokenFor("to-suspend");
    expect((await h.request("/v1/members", { token })).status).toBe(200);

    const res = await op(h, "/tenants/to-suspend/suspend", { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slug: "to-suspend", status: "suspended" });
    const [row] = await tenantRows(h, "to-suspend");
    expect(row!.status).toBe("suspended");
    const audits = await h.platform.control
      .select()
      .from(operatorAudit)
      .where(eq(operatorAudit.tenantSlug, "to-suspend"));
    expect(audits.map((a) => a.action)).toContain("tenant.suspend");
    expect(audits.find((a) => a.action === "tenant.suspend")!.actor).toBe("operator-api");
    // The API forgets its cached record, so the suspension applies at once in this process.
    expect((await h.request("/v1/members", { token })).status).toBe(403);
  });

  it("suspending an unknown slug is 404 and writes no audit row", async () => {
    const body = await expectProblem(
      await op(h, "/tenants/nobody-here/suspend", { method: "POST" }),
      404,
      "not_found",
    );
    expect(body.detail).toContain("nobody-here");
    const audits = await h.platform.control
      .select()
      .from(operatorAudit)
      .where(eq(operatorAudit.tenantSlug, "nobody-here"));
    expect(audits).toEqual([]);
  });

  it("suspending a malformed slug is 400 on the slug field", async () => {
    const body = await expectProblem(
      await op(h, "/tenants/Not_A_Slug/suspend", { method: "POST" }),
      400,
      "validation",
    );
    expect(body.errors[0]!.field).toBe("slug");
  });

  it("POST /migrate answers 200 with a report listing the tenants", async () => {
    await h.createTenant("mig-one");
    await h.createTenant("mig-two");
    const res = await op(h, "/migrate", { method: "POST" });
    expect(res.status).toBe(200);
    const report = (await res.json()) as {
      migrated: { slug: string; schemaVersion: number }[];
      failed: unknown[];
    };
    expect(report.failed).toEqual([]);
    expect(report.migrated).toEqual(
      expect.arrayContaining([
        { slug: "mig-one", schemaVersion: tenantSchemaVersion },
        { slug: "mig-two", schemaVersion: tenantSchemaVersion },
      ]),
    );
    const slugs = report.migrated.map((m) => m.slug);
    expect(slugs).toEqual([...slugs].sort());
  });
});

type Step = "disk-full" | "unopenable" | "ok";

/** A provisioner that follows a script of outcomes, then makes real files. */
class ScriptedProvisioner implements Provisioner {
  readonly created: string[] = [];
  readonly deleted: string[] = [];
  readonly dir = mkdtempSync(join(tmpdir(), "tandem-prov-"));

  constructor(private readonly script: Step[]) {}

  async createDatabase(slug: string) {
    const step = this.script.shift() ?? "ok";
    if (step === "disk-full") throw new ProvisioningError("disk full");
    this.created.push(slug);
    if (step === "unopenable") return { url: `file:/nonexistent-dir/${slug}.db`, authToken: null };
    mkdirSync(this.dir, { recursive: true });
    return { url: `file:${join(this.dir, `${slug}.db`)}`, authToken: null };
  }

  async deleteDatabase(slug: string) {
    this.deleted.push(slug);
    rmSync(join(this.dir, `${slug}.db`), { force: true });
  }

  cleanup() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Starts a harness over a scripted provisioner for one test, and tears both down. */
async function withProvisioner(
  script: Step[],
  fn: (hp: Harness, p: ScriptedProvisioner) => unknown,
) {
  const provisioner = new ScriptedProvisioner(script);
  const hp = await startHarness({ provisioner });
  try {
    await fn(hp, provisioner);
  } finally {
    await hp.close();
    provisioner.cleanup();
  }
}

describe("provisioning failures", () => {
  it("a provisioner error is 502 upstream_failed, leaves no row, and frees the slug", () =>
    withProvisioner(["disk-full"], async (hp, provisioner) => {
      const body = await expectProblem(
        await op(hp, "/tenants", { body: createBody("unlucky") }),
        502,
        "upstream_failed",
      );
      expect(body.detail).toContain("disk full");
      expect(await tenantRows(hp, "unlucky")).toEqual([]);
      expect(provisioner.deleted).toEqual([]);

      const retry = await op(hp, "/tenants", { body: createBody("unlucky") });
      expect(retry.status).toBe(201);
      expect(await retry.json()).toMatchObject({ slug: "unlucky", status: "active" });
      expect(await tenantRows(hp, "unlucky")).toHaveLength(1);
      expectCleanLogs(hp);
    }));

  it("a database that cannot be opened is 502, leaves no row, and is deleted again", () =>
    withProvisioner(["unopenable"], async (hp, provisioner) => {
      const body = await expectProblem(
        await op(hp, "/tenants", { body: createBody("no-disk") }),
        502,
        "upstream_failed",
      );
      expect(body.detail).toContain("no-disk");
      expect(body.detail).not.toContain("file:");
      expect(await tenantRows(hp, "no-disk")).toEqual([]);
      expect(provisioner.created).toEqual(["no-disk"]);
      expect(provisioner.deleted).toEqual(["no-disk"]);
      const audits = await hp.platform.control.select().from(operatorAudit);
      expect(audits).toEqual([]);

      const retry = await op(hp, "/tenants", { body: createBody("no-disk") });
      expect(retry.status).toBe(201);
      expectCleanLogs(hp);
    }));
});

describe("log hygiene", () => {
  it("no log line carries database URLs, the operator token or DB_TOKEN_KEY", async () => {
    const token = h.platform.operatorToken;
    await op(h, "/tenants", { body: createBody("hygiene") });
    await op(h, "/tenants", { body: createBody("hygiene") });
    await op(h, "/tenants", { body: { slug: "-bad", name: "x", kind: "x" } });
    await op(h, "/tenants");
    await op(h, "/tenants/hygiene/suspend", { method: "POST" });
    await op(h, "/tenants/ghost-org/suspend", { method: "POST" });
    await op(h, "/migrate", { method: "POST" });
    await op(h, "/tenants", { token: `${token}x` });
    // Query strings are not logged, so a secret passed in one stays out of the logs.
    await h.request(`/operator/v1/tenants?token=${encodeURIComponent(token)}`, { token });
    await h.request("/v1/members", { token: await h.tokenFor("hygiene") });
    expect(h.logs.some((l) => l.msg === "request" && l.path === "/operator/v1/tenants")).toBe(true);
    expectCleanLogs(h);
  });
});
