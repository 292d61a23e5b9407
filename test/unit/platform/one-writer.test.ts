import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { busyTimeoutMs } from "../../../host/file-databases";
import { oneWriterAtATime } from "../../../host/one-writer";

const dir = mkdtempSync(join(tmpdir(), "tandem-one-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(name: string, queued: boolean) {
  const url = `file:${join(dir, name)}`;
  const client = createClient({ url, timeout: busyTimeoutMs });
  return queued ? oneWriterAtATime(client, url) : client;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A transaction that holds the write lock across an await, as services do (sealing, reads). */
async function slowTransfer(db: ReturnType<typeof open>) {
  const tx = await db.transaction("write");
  await tx.execute("UPDATE account SET balance = balance - 10 WHERE id = 1");
  await pause(3 * busyTimeoutMs);
  await tx.execute("UPDATE account SET balance = balance + 10 WHERE id = 2");
  await tx.commit();
}

async function setUp(db: ReturnType<typeof open>) {
  await db.execute("PRAGMA journal_mode = WAL");
  await db.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
  await db.execute("INSERT INTO account VALUES (1, 100), (2, 100)");
}

describe("one writer at a time per database file", () => {
  it("without it, a write beside a transaction that awaits fails as busy", async () => {
    const db = open("plain.db", false);
    await setUp(db);
    const results = await Promise.allSettled([
      slowTransfer(db),
      (async () => {
        await pause(10);
        await db.execute("INSERT INTO account VALUES (3, 5)");
      })(),
    ]);
    expect(results.some((r) => r.status === "rejected")).toBe(true);
    db.close();
  });

  it("with it, the write waits its turn, both land, and reads never wait", async () => {
    const db = open("queued.db", true);
    await setUp(db);
    const order: string[] = [];
    await Promise.all([
      slowTransfer(db).then(() => order.push("transfer")),
      (async () => {
        await pause(10);
        const read = await db.execute("SELECT sum(balance) AS total FROM account");
        order.push(`read ${read.rows[0]?.total}`);
        await db.execute("INSERT INTO account VALUES (3, 5)");
        order.push("insert");
      })(),
    ]);
    expect(order).toEqual(["read 200", "transfer", "insert"]);
    const rows = await db.execute("SELECT id, balance FROM account ORDER BY id");
    expect(rows.rows.map((r) => [r.id, r.balance])).toEqual([
      [1, 90],
      [2, 110],
      [3, 5],
    ]);
    db.close();
  });

  it("a transaction that rolls back gives its turn to the next writer", async () => {
    const db = open("rollback.db", true);
    await setUp(db);
    const tx = await db.transaction("write");
    await tx.execute("UPDATE account SET balance = 0");
    const waiting = db.execute("UPDATE account SET balance = balance + 1 WHERE id = 1");
    await tx.rollback();
    await waiting;
    const [row] = (await db.execute("SELECT balance FROM account WHERE id = 1")).rows;
    expect(row?.balance).toBe(101);
    db.close();
  });
});
