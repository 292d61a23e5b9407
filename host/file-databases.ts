import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createClient } from "@libsql/client";
import { type ConnectDb, databaseFault } from "../workers/shared/src/platform/db";
import { withReusedReads } from "../workers/shared/src/platform/text-rows";
import { oneWriterAtATime } from "./one-writer";
import { FileReusedReads } from "./reused-reads";

/**
 * How long a statement on a file database waits for another connection's lock before it
 * fails as busy (then 503 + Retry-After). Short on purpose: the native driver waits on the
 * event loop's thread, so every tenant on this host waits with it.
 */
export const busyTimeoutMs = 100;

/** `file:tenants/acme.db`, as stored, resolved against DATA_DIR; other URLs unchanged. */
export function resolveDataUrl(url: string, dataDir: string): string {
  if (!url.startsWith("file:")) return url;
  const path = url.slice("file:".length);
  return isAbsolute(path) ? url : `file:${join(dataDir, path)}`;
}

/**
 * The Node host's opener: libSQL files (relative paths under DATA_DIR) with a busy timeout,
 * or a remote libSQL server. A statement that fails to take a lock leaves its connection
 * holding the file until libsql's statement is garbage-collected (the pool already stopped
 * using that connection), so such a failure schedules a collection. A file's hot reads run
 * on statements kept prepared (reused-reads.ts), closed with the client.
 */
export function nodeConnector(dataDir: string, opts: { mustExist?: boolean } = {}): ConnectDb {
  return (url, authToken) => {
    const resolved = resolveDataUrl(url, dataDir);
    if (!resolved.startsWith("file:")) {
      return createClient({ url: resolved, ...(authToken ? { authToken } : {}) });
    }
    // Opening a missing file would create an empty database in its place: a tenant whose
    // file was moved away would answer "no such table" and later writes would be stranded.
    // The local provisioner makes each file under DATA_DIR (stored relative) before use.
    if (opts.mustExist && resolved !== url && !existsSync(resolved.slice("file:".length))) {
      throw Object.assign(new Error("The database file does not exist."), {
        code: "SQLITE_CANTOPEN",
      });
    }
    const client = createClient({ url: resolved, timeout: busyTimeoutMs });
    const path = resolved.slice("file:".length);
    // A second connection to an in-memory database (or one with options) is another database.
    const reads = /[?:]/.test(path)
      ? null
      : new FileReusedReads(path, busyTimeoutMs, scheduleCollection);
    const watched = collectAfterLockErrors(oneWriterAtATime(client, resolved), () =>
      reads?.close(),
    );
    return reads ? withReusedReads(watched, reads) : watched;
  };
}

let collectGarbage: (() => void) | undefined;
let scheduled: NodeJS.Timeout | undefined;
let lastCollection = 0;
const minCollectionGapMs = 250;

/** A full collection soon, at most one per `minCollectionGapMs` however many locks fail. */
function scheduleCollection(): void {
  if (scheduled) return;
  if (!collectGarbage) {
    setFlagsFromString("--expose-gc");
    collectGarbage = runInNewContext("gc") as () => void;
  }
  const wait = Math.max(20, lastCollection + minCollectionGapMs - Date.now());
  scheduled = setTimeout(() => {
    scheduled = undefined;
    lastCollection = Date.now();
    collectGarbage?.();
  }, wait).unref();
}

/**
 * The client (and the transactions it opens) as they are, watching for lock failures;
 * `onClose` runs when the client is closed.
 */
function collectAfterLockErrors<T extends object>(target: T, onClose?: () => void): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object);
      if (typeof value !== "function") return value;
      if (property === "close" && onClose) {
        return () => {
          onClose();
          return value.call(object);
        };
      }
      return (...args: unknown[]) => {
        const result: unknown = value.apply(object, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (out: unknown) =>
            property === "transaction" ? collectAfterLockErrors(out as object) : out,
          (err: unknown) => {
            if (databaseFault(err)?.kind === "busy") scheduleCollection();
            throw err;
          },
        );
      };
    },
  }) as T;
}
