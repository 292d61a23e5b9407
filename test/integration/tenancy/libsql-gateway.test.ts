import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type Client, createClient, LibsqlBatchError, LibsqlError } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LibsqlGateway, startLibsqlGateway } from "../../support/libsql-gateway";

let dir: string;
let gw: LibsqlGateway;
const clients: Client[] = [];

function connect(name: string, authToken = gw.token): Client {
  const client = createClient({ url: gw.databaseUrl(name), authToken, intMode: "bigint" });
  clients.push(client);
  return client;
}

/** Requests the gateway answered while `fn` ran. */
async function recorded(fn: () => Promise<unknown>) {
  const from = gw.requests.length;
  await fn();
  return gw.requests.slice(from);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "libsql-gateway-"));
  // An empty file is a valid empty SQLite database, like a freshly provisioned Turso one.
  for (const name of ["main", "alpha", "beta", "expiry"])
    writeFileSync(join(dir, `${name}.db`), "");
  gw = await startLibsqlGateway({ dir });
  await connect("main").executeMultiple(`
    CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, age INTEGER);
    CREATE TABLE vals (id INTEGER PRIMARY KEY, n, i, f, t, b);
  `);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await gw?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("through @libsql/client", () => {
  it("executes with positional and named arguments and reports rowid and changes", async () => {
    const db = connect("main");
    const first = await db.execute("INSERT INTO people (name, age) VALUES (?, ?)", ["Ada", 36]);
    expect(first.rowsAffected).toBe(1);
    expect(first.lastInsertRowid).toBe(1n);

    const second = await db.execute({
      sql: "INSERT INTO people (name, age) VALUES (:name, @age), ($other, 50)",
      args: { name: "Grace", "@age": 45, other: "Edsger" },
    });
    expect(second.rowsAffected).toBe(2);
    expect(second.lastInsertRowid).toBe(3n);

    const update = await db.execute("UPDATE people SET age = age + 1 WHERE age > ?", [40]);
    expect(update.rowsAffected).toBe(2);
    // sqld only reports last_insert_rowid for INSERTs.
    expect(update.lastInsertRowid).toBeUndefined();

    const read = await db.execute("SELECT id, name, age FROM people ORDER BY id");
    expect(read.rowsAffected).toBe(0);
    expect(read.columns).toEqual(["id", "name", "age"]);
    expect(read.columnTypes).toEqual(["INTEGER", "TEXT", "INTEGER"]);
    expect(read.rows.map((r) => ({ ...r }))).toEqual([
      { id: 1n, name: "Ada", age: 36n },
      { id: 2n, name: "Grace", age: 46n },
      { id: 3n, name: "Edsger", age: 51n },
    ]);

    const removed = await db.execute("DELETE FROM people WHERE name = 'Edsger'");
    expect(removed.rowsAffected).toBe(1);
  });

  it("round-trips every value type without losing precision", async () => {
    const db = connect("main");
    const big = 2n ** 62n + 1n;
    const blob = new Uint8Array([0, 1, 127, 128, 254, 255]);
    const text = 'Grüße, 世界 🌍 — "quoted" \n newline';
    await db.execute("INSERT INTO vals (id, n, i, f, t, b) VALUES (1, ?, ?, ?, ?, ?)", [
      null,
      big,
      3.25,
      text,
      blob,
    ]);
    await db.execute("INSERT INTO vals (id, i, f) VALUES (2, ?, ?)", [-(2n ** 63n), 1.0]);

    const rs = await db.execute(
      "SELECT n, i, f, t, b, typeof(n), typeof(i), typeof(f), typeof(t), typeof(b) " +
        "FROM vals WHERE id = 1",
    );
    const row = rs.rows[0]!;
    expect(row.n).toBeNull();
    expect(row.i).toBe(big);
    expect(row.f).toBe(3.25);
    expect(row.t).toBe(text);
    expect(new Uint8Array(row.b as ArrayBuffer)).toEqual(blob);
    expect(Array.from(row).slice(5)).toEqual(["null", "integer", "real", "text", "blob"]);

    const min = await db.execute("SELECT i, f, typeof(f) AS ft FROM vals WHERE id = 2");
    expect(min.rows[0]!.i).toBe(-(2n ** 63n));
    // JS numbers travel as Hrana floats, so 1.0 stays REAL in a column without affinity.
    expect(min.rows[0]!.f).toBe(1);
    expect(min.rows[0]!.ft).toBe("real");
  });

  it("applies a write batch atomically and rolls it all back when a step fails", async () => {
    const db = connect("main");
    const before = await db.execute("SELECT count(*) AS n FROM people");

    let failure: unknown;
    const requests = await recorded(() =>
      db
        .batch(
          [
            { sql: "INSERT INTO people (name) VALUES (?)", args: ["Barbara"] },
            { sql: "INSERT INTO people (name) VALUES (?)", args: ["Alan"] },
            { sql: "INSERT INTO people (name) VALUES (?)", args: ["Ada"] },
          ],
          "write",
        )
        .catch((e: unknown) => {
          failure = e;
        }),
    );
    expect(failure).toBeInstanceOf(LibsqlBatchError);
    expect((failure as LibsqlBatchError).statementIndex).toBe(2);
    expect((failure as LibsqlBatchError).code).toBe("SQLITE_CONSTRAINT");
    const after = await db.execute("SELECT count(*) AS n FROM people");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const names = await db.execute("SELECT name FROM people WHERE name IN ('Barbara', 'Alan')");
    expect(names.rows).toHaveLength(0);
    // One HTTP request: cache the SQL text, run BEGIN…COMMIT with conditions, close the stream.
    expect(requests).toHaveLength(1);
    expect(requests[0]!.types).toEqual(["store_sql", "batch", "close"]);

    const ok = await db.batch(
      [
        { sql: "INSERT INTO people (name) VALUES (?)", args: ["Barbara"] },
        "SELECT name FROM people WHERE name = 'Barbara'",
      ],
      "write",
    );
    expect(ok[0]!.lastInsertRowid).toBeTypeOf("bigint");
    expect(ok[1]!.rows.map((r) => r.name)).toEqual(["Barbara"]);
  });

  it("surfaces SQLite errors with sqld's codes", async () => {
    const db = connect("main");
    const duplicate = db.execute("INSERT INTO people (name) VALUES ('Ada')");
    await expect(duplicate).rejects.toBeInstanceOf(LibsqlError);
    await expect(duplicate).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT",
      message: expect.stringContaining("UNIQUE constraint failed: people.name"),
    });
    await expect(db.execute("INSERT INTO people (name) VALUES (NULL)")).rejects.toMatchObject({
      code: "SQLITE_CONSTRAINT",
      message: expect.stringContaining("NOT NULL constraint failed"),
    });
    await expect(db.execute("SELECT * FROM nowhere")).rejects.toMatchObject({
      code: "SQL_INPUT_ERROR",
      message: expect.stringContaining("no such table: nowhere"),
    });
    await expect(db.execute("SELEC 1")).rejects.toMatchObject({ code: "SQL_PARSE_ERROR" });
    await expect(db.execute("SELECT 1; SELECT 2")).rejects.toMatchObject({
      code: "SQL_MANY_STATEMENTS",
    });
  });

  it("keeps an interactive transaction on one stream until commit", async () => {
    const db = connect("main");
    const observer = connect("main");
    const tx = await db.transaction("write");
    const requests = await recorded(async () => {
      await tx.execute({ sql: "INSERT INTO people (name, age) VALUES (?, ?)", args: ["Tx1", 1] });
      await tx.execute("UPDATE people SET age = 2 WHERE name = 'Tx1'");
      await tx.batch(["INSERT INTO people (name) VALUES ('Tx2')"]);
      const inside = await tx.execute("SELECT age FROM people WHERE name = 'Tx1'");
      expect(inside.rows[0]!.age).toBe(2n);
      const outside = await observer.execute("SELECT count(*) AS n FROM people WHERE age = 2");
      expect(outside.rows[0]!.n).toBe(0n);
      await tx.commit();
    });
    // The observer's reads open and close their own streams; the rest is the transaction.
    const txRequests = requests.filter((r) => r.baton !== null || r.types.includes("batch"));
    expect(txRequests).toHaveLength(5);
    expect(txRequests[0]!.baton).toBeNull();
    expect(txRequests.slice(1).every((r) => r.baton !== null)).toBe(true);
    expect(txRequests.at(-1)!.types).toEqual(["execute", "close"]);

    const seen = await observer.execute(
      "SELECT name, age FROM people WHERE name IN ('Tx1', 'Tx2') ORDER BY name",
    );
    expect(seen.rows.map((r) => [r.name, r.age])).toEqual([
      ["Tx1", 2n],
      ["Tx2", null],
    ]);
  });

  it("discards an interactive transaction on rollback", async () => {
    const db = connect("main");
    const tx = await db.transaction("write");
    await tx.execute("INSERT INTO people (name) VALUES ('Ghost')");
    await tx.execute("DELETE FROM people WHERE name = 'Ada'");
    await tx.rollback();
    const seen = await connect("main").execute(
      "SELECT name FROM people WHERE name IN ('Ghost', 'Ada')",
    );
    expect(seen.rows.map((r) => r.name)).toEqual(["Ada"]);
  });

  it("lets a second writer wait for the first transaction instead of failing", async () => {
    const first = await connect("main").transaction("write");
    await first.execute("INSERT INTO people (name) VALUES ('First')");
    const second = await connect("main").transaction("write");
    const secondInsert = second.execute("INSERT INTO people (name) VALUES ('Second')");
    await sleep(150);
    await first.commit();
    await secondInsert;
    await second.commit();
    const seen = await connect("main").execute(
      "SELECT name FROM people WHERE name IN ('First', 'Second') ORDER BY id",
    );
    expect(seen.rows.map((r) => r.name)).toEqual(["First", "Second"]);
  });

  it("runs multi-statement scripts, trigger bodies included", async () => {
    const db = connect("main");
    await db.executeMultiple(`
      CREATE TABLE audit (person TEXT);
      -- a comment; with a semicolon
      CREATE TRIGGER people_audit AFTER INSERT ON people BEGIN
        INSERT INTO audit (person) VALUES (new.name);
        INSERT INTO audit (person) VALUES (new.name || ';twice');
      END;
      INSERT INTO people (name) VALUES ('Triggered');
    `);
    const audit = await db.execute("SELECT person FROM audit ORDER BY rowid");
    expect(audit.rows.map((r) => r.person)).toEqual(["Triggered", "Triggered;twice"]);
  });

  it("keeps databases apart by name", async () => {
    const alpha = connect("alpha");
    const beta = connect("beta");
    await alpha.execute("CREATE TABLE notes (body TEXT)");
    await beta.execute("CREATE TABLE notes (body TEXT)");
    await alpha.execute("INSERT INTO notes VALUES ('from alpha')");
    await beta.execute("INSERT INTO notes VALUES ('from beta')");
    expect((await alpha.execute("SELECT body FROM notes")).rows.map((r) => r.body)).toEqual([
      "from alpha",
    ]);
    expect((await beta.execute("SELECT body FROM notes")).rows.map((r) => r.body)).toEqual([
      "from beta",
    ]);
    await expect(connect("main").execute("SELECT * FROM notes")).rejects.toMatchObject({
      code: "SQL_INPUT_ERROR",
    });
  });

  it("refuses a wrong token and unknown databases without touching any file", async () => {
    const intruder = connect("main", "not-the-token");
    const [req] = await recorded(() =>
      expect(intruder.execute("DELETE FROM people")).rejects.toMatchObject({
        code: "AUTH_FAILED",
      }),
    );
    expect(req!.status).toBe(401);
    const count = await connect("main").execute("SELECT count(*) AS n FROM people");
    expect(count.rows[0]!.n).toBeGreaterThan(0n);

    await expect(connect("missing").execute("SELECT 1")).rejects.toMatchObject({
      code: "SERVER_ERROR",
      message: expect.stringContaining("404"),
    });
    expect(existsSync(join(dir, "missing.db"))).toBe(false);
  });

  it("looks like a dead network while down, and recovers", async () => {
    const db = connect("main");
    gw.setDown(true);
    try {
      await expect(db.execute("SELECT 1")).rejects.toThrow();
      await expect(db.batch(["SELECT 1"], "write")).rejects.toThrow();
    } finally {
      gw.setDown(false);
    }
    const rs = await db.execute("SELECT 1 AS one");
    expect(rs.rows[0]!.one).toBe(1n);
  });

  it("accepts libsql:// URLs with ?tls=0, as a Worker configured for Turso would use", async () => {
    const url = gw.databaseUrl("main").replace("http://", "libsql://");
    const db = createClient({ url: `${url}?tls=0`, authToken: gw.token });
    clients.push(db);
    const rs = await db.execute("SELECT name FROM people WHERE id = 1");
    expect(rs.rows[0]!.name).toBe("Ada");
  });

  it("expires an idle stream and rolls its transaction back", async () => {
    const quick = await startLibsqlGateway({ dir, token: gw.token, streamIdleMs: 100 });
    const db = createClient({ url: quick.databaseUrl("expiry"), authToken: quick.token });
    try {
      await db.execute("CREATE TABLE t (x INTEGER)");
      const tx = await db.transaction("write");
      await tx.execute("INSERT INTO t VALUES (1)");
      await sleep(300);
      await expect(tx.execute("INSERT INTO t VALUES (2)")).rejects.toMatchObject({
        code: "STREAM_EXPIRED",
      });
      expect((await db.execute("SELECT count(*) AS n FROM t")).rows[0]!.n).toBe(0);
    } finally {
      db.close();
      await quick.close();
    }
  });
});

describe("raw Hrana over HTTP", () => {
  async function post(name: string, body: unknown, version = 2) {
    const res = await fetch(`${gw.databaseUrl(name)}v${version}/pipeline`, {
      method: "POST",
      headers: { authorization: `Bearer ${gw.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    const json = res.headers.get("content-type") === "application/json" ? JSON.parse(text) : null;
    return { status: res.status, text, json };
  }
  const exec = (sql: string, args: unknown[] = []) => ({ type: "execute", stmt: { sql, args } });

  it("answers a pipeline in the documented shape", async () => {
    const { status, json } = await post("main", {
      baton: null,
      requests: [
        exec("SELECT ? AS i, ? AS f, ? AS t, ? AS b, NULL AS n", [
          { type: "integer", value: "9223372036854775807" },
          { type: "float", value: 0.5 },
          { type: "text", value: "x" },
          { type: "blob", base64: "AAH/" },
        ]),
        { type: "close" },
      ],
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ baton: null, base_url: null });
    expect(json.results[1]).toEqual({ type: "ok", response: { type: "close" } });
    expect(json.results[0].response.result).toMatchObject({
      cols: [
        { name: "i", decltype: null },
        { name: "f", decltype: null },
        { name: "t", decltype: null },
        { name: "b", decltype: null },
        { name: "n", decltype: null },
      ],
      rows: [
        [
          { type: "integer", value: "9223372036854775807" },
          { type: "float", value: 0.5 },
          { type: "text", value: "x" },
          { type: "blob", base64: "AAH/" },
          { type: "null" },
        ],
      ],
      affected_row_count: 0,
      last_insert_rowid: null,
    });
  });

  it("continues a stream only with its latest baton", async () => {
    const opened = await post("main", { requests: [exec("BEGIN"), exec("SELECT 1")] });
    const first = opened.json.baton as string;
    expect(first).toEqual(expect.any(String));
    const next = await post("main", { baton: first, requests: [{ type: "get_autocommit" }] }, 3);
    expect(next.json.results[0].response).toEqual({ type: "get_autocommit", is_autocommit: false });
    const second = next.json.baton as string;
    expect(second).not.toBe(first);

    const reused = await post("main", { baton: first, requests: [exec("SELECT 1")] });
    expect(reused.status).toBe(400);
    expect(reused.text).toBe("Received a baton that has already been used");

    const store = (sql: string) => ({ type: "store_sql", sql_id: 1, sql });
    const broken = await post("main", { baton: second, requests: [store("A"), store("B")] });
    expect(broken.status).toBe(400);
    expect(broken.text).toBe("SQL text 1 already exists");
    // A protocol error inside a pipeline drops the stream, open transaction and all.
    const dropped = await post("main", { baton: second, requests: [exec("SELECT 1")] });
    expect(dropped.status).toBe(400);
    expect(dropped.text).toBe("Received an invalid baton");
  });

  it("evaluates batch conditions like sqld, skipped steps included", async () => {
    const cond = (c: unknown, sql: string) => ({ condition: c, stmt: { sql, args: [] } });
    const { json } = await post(
      "main",
      {
        requests: [
          {
            type: "batch",
            batch: {
              steps: [
                { stmt: { sql: "SELECT nope" } },
                cond({ type: "ok", step: 0 }, "SELECT 'skipped'"),
                cond({ type: "error", step: 1 }, "SELECT 'skipped counts as error'"),
                cond(
                  {
                    type: "and",
                    conds: [
                      { type: "is_autocommit" },
                      { type: "not", cond: { type: "ok", step: 0 } },
                    ],
                  },
                  "SELECT 'and'",
                ),
                cond({ type: "or", conds: [] }, "SELECT 'empty or'"),
              ],
            },
          },
          { type: "close" },
        ],
      },
      3,
    );
    const { step_results, step_errors } = json.results[0].response.result;
    expect(step_errors[0]).toMatchObject({ code: "SQL_INPUT_ERROR" });
    expect(step_results.map((r: unknown) => r !== null)).toEqual([false, false, true, true, false]);
    expect(step_errors.slice(1)).toEqual([null, null, null, null]);
  });

  it("describes a statement without running it", async () => {
    const sql = "INSERT INTO people (name, age) SELECT name, ? FROM people WHERE name = :n";
    const { json } = await post("main", {
      requests: [
        { type: "describe", sql },
        { type: "describe", sql: "SELECT id, name FROM people" },
        { type: "close" },
      ],
    });
    expect(json.results[0].response.result).toEqual({
      params: [{ name: null }, { name: ":n" }],
      cols: [],
      is_explain: false,
      is_readonly: false,
    });
    expect(json.results[1].response.result).toMatchObject({
      params: [],
      cols: [
        { name: "id", decltype: "INTEGER" },
        { name: "name", decltype: "TEXT" },
      ],
      is_readonly: true,
    });
  });

  it("rejects v3-only features on v2 and probes the way sqld does", async () => {
    const v2 = await post("main", { requests: [{ type: "get_autocommit" }] });
    expect(v2.status).toBe(400);
    expect((await fetch(`${gw.databaseUrl("main")}v2`)).status).toBe(200);
    expect((await fetch(`${gw.databaseUrl("main")}v3-protobuf`)).status).toBe(404);
    const noSlash = await fetch(`${gw.url}/v2/pipeline`, { method: "POST", body: "{}" });
    expect(noSlash.status).toBe(404);
    expect(await noSlash.text()).toContain("databaseUrl");
  });
});
