/**
 * Where tenant databases come from. The embedded default makes libSQL files on disk
 * (host/local-provisioner.ts); the distributed engine asks Turso's Platform API.
 */
export interface ProvisionedDatabase {
  /** libsql://, https:// or file: URL. Never logged. */
  url: string;
  /** Token scoped to this one database, or null where none is needed (files). */
  authToken: string | null;
}

export interface Provisioner {
  /** Creates an empty database for the tenant; throws ProvisioningError on failure. */
  createDatabase(slug: string): Promise<ProvisionedDatabase>;
  /** Removes it again; used to undo a provisioning that failed half-way. Idempotent. */
  deleteDatabase(slug: string): Promise<void>;
}

/** A provisioning backend refused or failed; the message is safe to show an operator. */
export class ProvisioningError extends Error {
  override name = "ProvisioningError";
  constructor(
    message: string,
    readonly upstreamStatus?: number,
  ) {
    super(message);
  }
}
