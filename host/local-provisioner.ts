import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { eq } from "drizzle-orm";
import { tenants } from "../db/control/schema";
import type { ControlDb } from "../workers/shared/src/platform/db";
import type { Logger } from "../workers/shared/src/platform/log";
import { type Provisioner, ProvisioningError } from "../workers/shared/src/platform/provisioning";

/**
 * The embedded default: one libSQL file per tenant under DATA_DIR/tenants. Tenant rows store
 * `file:tenants/<slug>.db`, relative to DATA_DIR, so the folder can be backed up, restored or
 * moved whole; the host resolves the path when it opens the file.
 */
export class LocalFileProvisioner implements Provisioner {
  constructor(private readonly dataDir: string) {}

  async createDatabase(slug: string) {
    const path = join(this.dataDir, "tenants", `${slug}.db`);
    if (existsSync(path)) {
      throw new ProvisioningError(
        `A database file for "${slug}" already exists; refusing to reuse it.`,
      );
    }
    mkdirSync(dirname(path), { recursive: true });
    // An empty file is an empty database; the host opens only tenant files that exist.
    writeFileSync(path, "", { flag: "wx" });
    return { url: `file:tenants/${slug}.db`, authToken: null };
  }

  async deleteDatabase(slug: string) {
    for (const suffix of ["", "-wal", "-shm"]) {
      rmSync(join(this.dataDir, "tenants", `${slug}.db${suffix}`), { force: true });
    }
  }
}

/**
 * Where an absolute `file:` URL written by an older version now belongs: relative when it
 * lies inside DATA_DIR, or `tenants/<name>.db` when it names a file of another data folder
 * (this one copied or restored from it) and this folder holds that file. Null: leave it.
 */
function relocated(url: string, dataDir: string): string | null {
  if (!url.startsWith("file:/")) return null;
  const path = url.slice("file:".length);
  const inside = relative(dataDir, path);
  if (inside && !inside.startsWith("..") && !inside.startsWith(sep)) {
    return `file:${inside.split(sep).join("/")}`;
  }
  const name = basename(path);
  if (basename(dirname(path)) !== "tenants") return null;
  return existsSync(join(dataDir, "tenants", name)) ? `file:tenants/${name}` : null;
}

/** Rewrites tenant rows that still hold absolute file paths; run at every start. */
export async function relocateTenantFiles(
  control: ControlDb,
  dataDir: string,
  log: Logger,
): Promise<void> {
  const rows = await control.select({ id: tenants.id, dbUrl: tenants.dbUrl }).from(tenants);
  let moved = 0;
  for (const row of rows) {
    const url = relocated(row.dbUrl, dataDir);
    if (!url) continue;
    await control.update(tenants).set({ dbUrl: url }).where(eq(tenants.id, row.id));
    moved++;
  }
  if (moved > 0) log.info("tenant database paths made relative to DATA_DIR", { tenants: moved });
}
