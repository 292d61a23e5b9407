import { eq } from "drizzle-orm";
import { type Tenant, tenants } from "../../../../db/control/schema";
import type { ControlDb } from "../platform/db";

/**
 * Tenant records by id, cached briefly per isolate: every authenticated request needs one,
 * and on the edge the control DB is a network round trip away. A suspension therefore
 * takes effect within `ttlMs` everywhere, and at once in the process that made it.
 */
export class TenantDirectory {
  readonly #cache = new Map<string, { tenant: Tenant | null; at: number }>();

  constructor(
    private readonly control: ControlDb,
    private readonly ttlMs = 15_000,
  ) {}

  async byId(id: string, now: number = Date.now()): Promise<Tenant | null> {
    const hit = this.#cache.get(id);
    if (hit && now - hit.at < this.ttlMs) return hit.tenant;
    const [tenant] = await this.control.select().from(tenants).where(eq(tenants.id, id));
    this.#cache.set(id, { tenant: tenant ?? null, at: now });
    return tenant ?? null;
  }

  forget(id?: string): void {
    if (id) this.#cache.delete(id);
    else this.#cache.clear();
  }
}
