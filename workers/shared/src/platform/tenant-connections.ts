import type { Client } from "@libsql/client";
import type { Tenant } from "../../../../db/control/schema";
import { type ConnectDb, type TenantDb, tenantDb } from "./db";
import { unseal } from "./seal";

interface Entry {
  client: Client;
  db: TenantDb;
  url: string;
}

/**
 * One libSQL client per tenant per isolate (or per Node process): opening one costs a
 * handshake, so clients are kept and reused. A client that hit a connection error is
 * evicted so the next request reconnects instead of reusing a broken one.
 */
export class TenantConnections {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly connect: ConnectDb,
    private readonly sealKey: string,
  ) {}

  async client(tenant: Tenant): Promise<Client> {
    return (await this.#entry(tenant)).client;
  }

  async db(tenant: Tenant): Promise<TenantDb> {
    return (await this.#entry(tenant)).db;
  }

  evict(tenantId: string): void {
    const entry = this.#entries.get(tenantId);
    this.#entries.delete(tenantId);
    entry?.client.close();
  }

  closeAll(): void {
    for (const id of [...this.#entries.keys()]) this.evict(id);
  }

  async #entry(tenant: Tenant): Promise<Entry> {
    const cached = this.#entries.get(tenant.id);
    if (cached && cached.url === tenant.dbUrl) return cached;
    if (cached) this.evict(tenant.id);
    const token = tenant.dbTokenSealed ? await unseal(this.sealKey, tenant.dbTokenSealed) : null;
    const client = this.connect(tenant.dbUrl, token);
    const entry = { client, db: tenantDb(client), url: tenant.dbUrl };
    this.#entries.set(tenant.id, entry);
    return entry;
  }
}
