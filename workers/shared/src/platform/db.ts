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
  // Read-only, or moved or deleted under the open connection: a new connection may do better.
  "SQLITE_READONLY",
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
 * Why a tenant's database could not serve a statement, when the fault is the database's and
 * not the statement's: "unreachable" (cannot be opened, reached or authenticated to; the
 * cached client is dropped) or "busy" (another connection holds the lock; retry shortly).
 * `reason` is the error code, safe to log: never a URL, path or token.
 */
export interface DatabaseFault {
  kind: "unreachable" | "busy";
  reason: string;
}

export function databaseFault(err: unknown): DatabaseFault | null {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; depth++) {
    const { code, extendedCode } = e as { code?: unknown; extendedCode?: unknown };
    if (typeof code === "string" && code) {
      const reason = typeof extendedCode === "string" && extendedCode ? extendedCode : code;
      if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return { kind: "busy", reason };
      if (connectionErrorCodes.has(code) || /^SQLITE_(IOERR|READONLY)/.test(code)) {
        return { kind: "unreachable", reason };
      }
      // sqld and Turso refuse a missing, wrong or expired token with AUTH_* codes.
      if (code.startsWith("AUTH_")) return { kind: "unreachable", reason: code };
      if (/^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|UND_ERR)/.test(code)) {
        return { kind: "unreachable", reason: code };
      }
    }
    if (e instanceof TypeError && /fetch|network|connect/i.test(e.message)) {
      return { kind: "unreachable", reason: "network" };
    }
    if (/network connection lost|fetch failed|socket hang up/i.test(e.message)) {
      return { kind: "unreachable", reason: "network" };
    }
    // The native driver fails to open a file with code "" and a Rust-style message.
    if (/^ConnectionFailed\(|unable to open connection/i.test(e.message)) {
      return { kind: "unreachable", reason: "cannot open" };
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * True when the database could not be reached or opened, as opposed to a statement failing.
 * Such errors evict the cached client and become 503 for that tenant only.
 */
export function isConnectionError(err: unknown): boolean {
  return databaseFault(err)?.kind === "unreachable";
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
