import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { databaseFault, isConnectionError } from "../../../workers/shared/src/platform/db";

/** Shaped like @libsql/client's LibsqlError: an Error with a string code. */
function libsqlError(code: string, message = `${code}: something went wrong`): Error {
  return Object.assign(new Error(message), { code });
}

describe("isConnectionError", () => {
  it.each(["SQLITE_CANTOPEN", "SQLITE_NOTADB", "SQLITE_IOERR_READ", "HRANA_WEBSOCKET_ERROR"])(
    "is true for a database that cannot be opened or reached (%s)",
    (code) => {
      expect(isConnectionError(libsqlError(code))).toBe(true);
    },
  );

  it("is true for a failed fetch (TypeError)", () => {
    expect(isConnectionError(new TypeError("fetch failed"))).toBe(true);
  });

  it("is true when the cause is a refused connection", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8080"), {
      code: "ECONNREFUSED",
    });
    expect(isConnectionError(new Error("request failed", { cause: refused }))).toBe(true);
    const wrapped = libsqlError("HRANA_UNKNOWN", "hrana request failed");
    (wrapped as { cause?: unknown }).cause = new TypeError("fetch failed", { cause: refused });
    expect(isConnectionError(wrapped)).toBe(true);
  });

  it("is true for a local database file that cannot be opened", () => {
    let thrown: unknown;
    try {
      createClient({ url: "file:/nonexistent-dir-for-tandem-tests/x.db" });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(isConnectionError(thrown)).toBe(true);
  });

  it.each(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_ERROR", "SQL_PARSE_ERROR"])(
    "is false for a statement that failed (%s)",
    (code) => {
      expect(isConnectionError(libsqlError(code, "UNIQUE constraint failed: members.email"))).toBe(
        false,
      );
    },
  );

  it("is false for things that are not errors", () => {
    expect(isConnectionError("fetch failed")).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });
});

describe("databaseFault", () => {
  it.each(["AUTH_FAILED", "AUTH_JWT_EXPIRED", "AUTH_JWT_INVALID"])(
    "a server refusing the credentials (%s) is unreachable, reasoned by its code",
    (code) => {
      expect(databaseFault(libsqlError(code))).toEqual({ kind: "unreachable", reason: code });
    },
  );

  it("a locked or busy file is busy, not a connection error (the client is kept)", () => {
    const locked = Object.assign(libsqlError("SQLITE_BUSY", "database is locked"), {
      extendedCode: "SQLITE_BUSY",
    });
    expect(databaseFault(new Error("Failed query", { cause: locked }))).toEqual({
      kind: "busy",
      reason: "SQLITE_BUSY",
    });
    expect(isConnectionError(locked)).toBe(false);
    expect(databaseFault(libsqlError("SQLITE_LOCKED"))?.kind).toBe("busy");
  });

  it("a file moved under its connection is unreachable, reasoned by the extended code", () => {
    const moved = Object.assign(libsqlError("SQLITE_READONLY"), {
      extendedCode: "SQLITE_READONLY_DBMOVED",
    });
    expect(databaseFault(moved)).toEqual({
      kind: "unreachable",
      reason: "SQLITE_READONLY_DBMOVED",
    });
  });

  it("a failing statement is no fault of the database", () => {
    expect(databaseFault(libsqlError("SQLITE_CONSTRAINT"))).toBeNull();
  });
});
