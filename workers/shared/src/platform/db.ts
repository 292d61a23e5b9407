import type { Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import * as controlSchema from "../../../../db/control/schema";
import * as tenantSchema from "../../../../db/tenant/schema";

export type ControlDb = LibSQLDatabase<typeof controlSchema>;
/** With the libSQL client underneath, for the few hot reads that map their own rows. */
export type TenantDb = LibSQLDatabase<typeof tenantSchema> & { $client: Client };

/** Opens a libSQL client: Node's (file: and remote URLs) or the web one on Workers. */
export type ConnectDb = (url: string, authToken: string | null) => Client;

export function controlDb(client: Client): ControlDb {
  return drizzle(client, { schema: controlSchema });
}

export function tenantDb(client: Client): TenantDb {
  return drizzle(client, { schema: tenantSchema });
}

const connectionErrorCodes = new Set([
  "SQLITE_CANTOPEN",
  "SQLITE_NOTADB",
  "SQLITE_IOERR",
  "SERVER_ERROR",
  "HRANA_WEBSOCKET_ERROR",
  "HRANA_CLOSED_ERROR",
  "HRANA_PROTO_ERROR",
  "HTTP_ERROR",
  "STREAM_CLOSED",
  // Another request evicted this client while the statement was in flight.
  "CLIENT_CLOSED",
]);

/**
 * True when the database could not be reached or opened, as opposed to a statement failing.
 * Such errors evict the cached client and become 503 for that tenant only.
 */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (connectionErrorCodes.has(code) || code.startsWith("SQLITE_IOERR")) return true;
      if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|UND_ERR)/.test(code)) return true;
    }
    if (e instanceof TypeError && /fetch|network|connect/i.test(e.message)) return true;
    if (/network connection lost|fetch failed|socket hang up/i.test(e.message)) return true;
    // The native driver fails to open a file with code "" and a Rust-style message.
    if (/^ConnectionFailed\(|unable to open connection/i.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when a statement broke a UNIQUE constraint (a primary key counts too), e.g. two
 * requests claiming the same email at once. Over libSQL's HTTP protocol only the primary code
 * `SQLITE_CONSTRAINT` arrives, so the message decides; a local file also sets `extendedCode`
 * to `SQLITE_CONSTRAINT_UNIQUE`. drizzle wraps the driver's error as `cause`.
 */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; depth++) {
    const { code, extendedCode } = e as { code?: unknown; extendedCode?: unknown };
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || extendedCode === "SQLITE_CONSTRAINT_UNIQUE") {
      return true;
    }
    if (/UNIQUE constraint failed/i.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
