import { existsSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, it } from "vitest";
import { cliHarness } from "../../support/cli";

// Each spawn of the real CLI costs about a second, so the tests run concurrently, each in
// its own DATA_DIR; state a test needs beforehand is made in-process, which is fast.
const { dataDir, tandem, withTenants, cleanUp } = cliHarness();
afterAll(cleanUp);

async function listed(dir: string): Promise<{ slug: string; status: string }[]> {
  const run = await tandem(dir, "tenant", "list", "--json");
  if (run.code !== 0) throw new Error(`tenant list failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe.concurrent("tandem CLI", { timeout: 60_000 }, () => {
  it("tenant create prints the new tenant and exits 0", async ({ expect }) => {
    const dir = dataDir();
    const run = await tandem(
      dir,
      ...["tenant", "create", "--slug", "acme", "--name", "Acme University"],
      ...["--kind", "university"],
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^created acme +university +active +v\d+ Acme University\n/);
    expect(existsSync(join(dir, "tenants", "acme.db"))).toBe(true);
  });

  it("tenant create with a taken slug exits 1 saying it already exists", async ({ expect }) => {
    const dir = dataDir();
    await withTenants(dir, "acme");
    const run = await tandem(
      dir,
      ...["tenant", "create", "--slug", "acme", "--name", "Acme", "--kind", "company"],
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe('error: A tenant with slug "acme" already exists.\n');
  });

  it("tenant create with an invalid slug exits 1 naming the slug problem", async ({ expect }) => {
    const dir = dataDir();
    const run = await tandem(
      dir,
      ...["tenant", "create", "--slug", "Bad_Slug", "--name", "Bad", "--kind", "company"],
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Slug may hold lowercase letters, digits and inner dashes only.");
    expect(existsSync(join(dir, "tenants", "Bad_Slug.db"))).toBe(false);
  });

  it("an unknown command exits 2 and prints the usage of its group", async ({ expect }) => {
    const run = await tandem(dataDir(), "tenant", "frobnicate");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "tenant frobnicate"');
    expect(run.stderr).toContain("Usage:");
    expect(run.stderr).toContain("tandem tenant create --slug <slug>");
  });

  it("suspend without --slug exits 2 and creates nothing", async ({ expect }) => {
    const dir = dataDir();
    const run = await tandem(dir, "tenant", "suspend");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("missing --slug");
    expect(existsSync(join(dir, "control.db"))).toBe(false);
  });

  it("tenant list --json prints the tenants as JSON without database URLs", async ({ expect }) => {
    const dir = dataDir();
    await withTenants(dir, "acme", "beta");
    const run = await tandem(dir, "tenant", "list", "--json");
    expect(run.code).toBe(0);
    const all = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(all.map((t) => [t.slug, t.status, t.kind])).toEqual([
      ["acme", "active", "company"],
      ["beta", "active", "company"],
    ]);
    expect(run.stdout).not.toContain("file:");
    expect(run.stdout).not.toContain("dbUrl");
  });

  it("tenant suspend --slug marks the tenant suspended", async ({ expect }) => {
    const dir = dataDir();
    await withTenants(dir, "acme", "beta");
    const run = await tandem(dir, "tenant", "suspend", "--slug", "acme");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^acme +company +suspended /);
    expect((await listed(dir)).map((t) => [t.slug, t.status])).toEqual([
      ["acme", "suspended"],
      ["beta", "active"],
    ]);
  });

  it("migrate exits 0 and reports how many tenants it migrated", async ({ expect }) => {
    const dir = dataDir();
    await withTenants(dir, "acme", "beta");
    const run = await tandem(dir, "migrate");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("control database up to date; 2 tenant(s) migrated");
  });

  it("migrate exits 1 and names the tenant it could not migrate", async ({ expect }) => {
    const dir = dataDir();
    await withTenants(dir, "acme", "beta");
    const control = createClient({ url: `file:${join(dir, "control.db")}` });
    await control.execute({
      sql: "UPDATE tenants SET db_url = ? WHERE slug = ?",
      args: ["file:/nonexistent-dir/x.db", "beta"],
    });
    control.close();

    const run = await tandem(dir, "migrate");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("1 tenant(s) migrated");
    expect(run.stderr).toMatch(/^failed: beta: /m);
    expect(run.stderr).not.toMatch(/failed: acme/);
  });
});
