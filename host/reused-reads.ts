import { existsSync } from "node:fs";
import type { InValue } from "@libsql/client";
import Database from "libsql";
import type { ReusedReads } from "../workers/shared/src/platform/text-rows";

/** More than the hot reads there are; past it the least recently added statement goes. */
const maxStatements = 32;

type Statement = Database.Statement;

/**
 * The hot reads of one database file, each prepared once on a connection of their own. The
 * libSQL client prepares every statement anew and builds each row as an object with a
 * property per column and per index: for the member list that is about 70 µs of the 100 µs
 * its `execute` takes, where SQLite itself needs about 30 (measured; docs/benchmarks.md).
 *
 * Reads only, each run to its end, so the connection holds no lock between them and sees
 * every committed write, as the client's own pooled connections do. A failed read (the file
 * locked, moved or unreadable) closes the connection; the next read opens a new one.
 */
export class FileReusedReads implements ReusedReads {
  #db: Database.Database | undefined;
  readonly #statements = new Map<string, Statement>();
  #closed = false;

  constructor(
    private readonly path: string,
    private readonly busyTimeoutMs: number,
    private readonly onLockError: () => void,
  ) {}

  rows(sql: string, args: InValue[]): unknown[][] {
    if (this.#closed) {
      throw Object.assign(new Error("The database client was closed."), { code: "CLIENT_CLOSED" });
    }
    try {
      return this.#statement(sql).all(args) as unknown[][];
    } catch (err) {
      this.#drop();
      if (isLockError(err)) this.onLockError();
      throw err;
    }
  }

  close(): void {
    this.#closed = true;
    this.#drop();
  }

  #drop(): void {
    this.#statements.clear();
    const db = this.#db;
    this.#db = undefined;
    try {
      db?.close();
    } catch {
      // Closing a connection whose file is gone may fail; it is dropped either way.
    }
  }

  #statement(sql: string): Statement {
    const known = this.#statements.get(sql);
    if (known) return known;
    this.#db ??= this.#open();
    const statement = this.#db.prepare(sql);
    if (!statement.reader) throw new Error("Only statements that read may be reused here.");
    statement.raw(true);
    if (this.#statements.size >= maxStatements) {
      this.#statements.delete(this.#statements.keys().next().value!);
    }
    this.#statements.set(sql, statement);
    return statement;
  }

  #open(): Database.Database {
    // Opening a file that is gone would create an empty database in its place.
    if (!existsSync(this.path)) {
      throw Object.assign(new Error("The database file does not exist."), {
        code: "SQLITE_CANTOPEN",
      });
    }
    return new Database(this.path, { timeout: this.busyTimeoutMs });
  }
}

/** SQLITE_BUSY or SQLITE_LOCKED, as the native driver reports them. */
function isLockError(err: unknown): boolean {
  const rawCode = (err as { rawCode?: unknown }).rawCode;
  return typeof rawCode === "number" && ((rawCode & 0xff) === 5 || (rawCode & 0xff) === 6);
}
