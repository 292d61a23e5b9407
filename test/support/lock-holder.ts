import { spawn } from "node:child_process";

/**
 * Run in a second process: opens the file with the `libsql` package, takes the lock, says
 * "locked", holds it for the given time, lets go and says "released". A read lock is an open
 * read transaction (SQLite's SHARED lock); a write lock an IMMEDIATE transaction with a row
 * written and rolled back (RESERVED, as a long migration or a backup tool would hold it); an
 * exclusive lock keeps readers out too.
 */
const holder = `
const Database = require("libsql");
const [file, mode, ms] = process.argv.slice(1);
const db = new Database(file);
if (mode === "read") {
  db.exec("BEGIN");
  db.prepare("SELECT count(*) FROM sqlite_master").all();
} else if (mode === "exclusive") {
  db.exec("BEGIN EXCLUSIVE");
} else {
  db.exec("BEGIN IMMEDIATE");
  db.exec("CREATE TABLE lock_holder_scratch (x)");
}
process.stdout.write("locked\\n");
setTimeout(() => {
  db.exec(mode === "read" ? "COMMIT" : "ROLLBACK");
  db.close();
  process.stdout.write("released\\n");
}, Number(ms));
`;

export interface HeldLock {
  /** Resolves with the time (ms since epoch) the other process said it let go. */
  released: Promise<number>;
}

/** Takes a read, write or exclusive lock on a SQLite file from another process for `ms` milliseconds. */
export function holdLock(
  file: string,
  mode: "read" | "write" | "exclusive",
  ms: number,
): Promise<HeldLock> {
  const child = spawn(process.execPath, ["-e", holder, file, mode, String(ms)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  let onLocked: () => void = () => {};
  let onReleased: (at: number) => void = () => {};
  const released = new Promise<number>((resolve) => {
    onReleased = resolve;
  });
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
    if (output.includes("locked\n")) onLocked();
    if (output.includes("released\n")) onReleased(Date.now());
  });
  return new Promise((resolve, reject) => {
    onLocked = () => resolve({ released });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!output.includes("locked\n")) reject(new Error(`lock holder exited with ${code}`));
    });
  });
}
