import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { migrations as controlMigrations } from "../../db/control/migrations.gen";
import { migrations as tenantMigrations } from "../../db/tenant/migrations.gen";
import { bundles, renderBundle } from "../../scripts/bundle-migrations";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("bundled migrations", () => {
  it.each(bundles)(
    "%s/migrations.gen.ts matches the SQL beside it (run npm run db:generate)",
    (dir) => {
      const committed = readFileSync(`${root}${dir}/migrations.gen.ts`, "utf8");
      expect(committed).toBe(renderBundle(`${root}${dir}/migrations`));
    },
  );

  it.each([
    ["control", controlMigrations],
    ["tenant", tenantMigrations],
  ])("the %s bundle has uniquely tagged migrations with statements", (_name, migrations) => {
    expect(migrations.length).toBeGreaterThan(0);
    const tags = migrations.map((m) => m.tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const m of migrations) {
      expect(m.statements.length).toBeGreaterThan(0);
      for (const s of m.statements) expect(s).not.toContain("--> statement-breakpoint");
    }
  });
});
