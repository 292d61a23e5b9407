import type { Client, InStatement, ResultSet, Transaction, TransactionMode } from "@libsql/client";

/** Longer than any write transaction should take; past it the write answers busy (503). */
export const writeTurnTimeoutMs = 5_000;

/** Per database file, the end of its queue of writers (every client of the file shares it). */
const tails = new Map<string, Promise<void>>();

const readOnly = /^\s*(select|pragma|explain)\b/i;
const isRead = (stmt: InStatement) => readOnly.test(typeof stmt === "string" ? stmt : stmt.sql);

/**
 * One writer at a time per database file in this process. SQLite allows one writer anyway,
 * but the native driver waits for a lock by blocking the event loop's thread, so a second
 * write arriving while a transaction is open (and awaiting something) would wait out the busy
 * timeout without that transaction ever getting the thread back to finish: a 503 for a write
 * that only had to wait its turn. Here writes queue in order instead, and a write transaction
 * holds its turn until it commits, rolls back or closes. Reads never wait for a turn: SQLite
 * lets them run beside a writer until it commits.
 */
export function oneWriterAtATime(client: Client, file: string): Client {
  async function turn(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const before = tails.get(file) ?? Promise.resolve();
    const after = before.then(() => mine);
    tails.set(file, after);
    // The last in line cleans up after itself, so the map holds only files being written.
    void after.then(() => {
      if (tails.get(file) === after) tails.delete(file);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(busy()), writeTurnTimeoutMs);
    });
    try {
      await Promise.race([before, timeout]);
    } catch (err) {
      // Give the turn back once it comes, so the queue behind it keeps moving.
      void before.then(release);
      throw err;
    } finally {
      clearTimeout(timer);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }

  async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const release = await turn();
    try {
      return await work();
    } finally {
      release();
    }
  }

  return new Proxy(client, {
    get(target, property, receiver) {
      switch (property) {
        case "execute": {
          // Both of execute's forms: (statement) and (sql, args).
          const execute = target.execute.bind(target) as (...args: unknown[]) => Promise<ResultSet>;
          return (stmt: InStatement, ...rest: unknown[]) =>
            isRead(stmt) ? execute(stmt, ...rest) : inTurn(() => execute(stmt, ...rest));
        }
        case "batch":
          return (stmts: InStatement[], mode?: TransactionMode) =>
            mode === "read" ? target.batch(stmts, mode) : inTurn(() => target.batch(stmts, mode));
        case "executeMultiple":
          return (sql: string) => inTurn(() => target.executeMultiple(sql));
        case "migrate":
          return (stmts: InStatement[]) => inTurn(() => target.migrate(stmts));
        case "transaction":
          return async (mode?: TransactionMode) => {
            if (mode === "read") return target.transaction(mode);
            const release = await turn();
            try {
              return holdingTurn(await target.transaction(mode), release);
            } catch (err) {
              release();
              throw err;
            }
          };
        default: {
          const value = Reflect.get(target, property, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        }
      }
    },
  });
}

/** The transaction as it is, giving its turn back once it ends, however it ends. */
function holdingTurn(tx: Transaction, release: () => void): Transaction {
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "commit" || property === "rollback") {
        return async () => {
          try {
            return await value.call(target);
          } finally {
            release();
          }
        };
      }
      if (property === "close") {
        return () => {
          try {
            return value.call(target);
          } finally {
            release();
          }
        };
      }
      return value.bind(target);
    },
  });
}

function busy(): Error {
  return Object.assign(new Error("Another write to this database took too long."), {
    code: "SQLITE_BUSY",
  });
}
