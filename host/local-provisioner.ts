import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Provisioner, ProvisioningError } from "../workers/shared/src/platform/provisioning";

/** The embedded default: one libSQL file per tenant under DATA_DIR/tenants. */
export class LocalFileProvisioner implements Provisioner {
  constructor(private readonly dir: string) {}

  async createDatabase(slug: string) {
    const path = join(this.dir, `${slug}.db`);
    if (existsSync(path)) {
      throw new ProvisioningError(
        `A database file for "${slug}" already exists; refusing to reuse it.`,
      );
    }
    mkdirSync(this.dir, { recursive: true });
    return { url: `file:${path}`, authToken: null };
  }

  async deleteDatabase(slug: string) {
    for (const suffix of ["", "-wal", "-shm"]) {
      rmSync(join(this.dir, `${slug}.db${suffix}`), { force: true });
    }
  }
}
