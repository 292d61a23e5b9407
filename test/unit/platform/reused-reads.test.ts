import { existsSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../../db/migrate";
import { migrations } from "../../../db/tenant/migrations.gen";
import { members } from "../../../db/tenant/schema";
import { nodeConnector } from "../../../host/file-databases";
import { FileReusedReads } from "../../../host/reused-reads";
import {
  databaseFault,
  isConnectionError,
  type TenantDb,
  tenantDb,
} from "../../../workers/shared/src/platform/db";
import { textRows } from "../../../workers/shared/src/platform/text-rows";
import { holdLock } from "../../support/lock-holder";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const columns = { id: members.id, displayName: members.displayName, status: members.status };
const listStatement = (db: TenantDb) =>
  db
    .select(columns)
    .from(members)
    .orderBy(asc(members.id))
    .limit(sql.placeholder("limit"))
    .prepare();

let file: string;
let db: TenantDb;
beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), "tandem-reused-reads-"));
  dirs.push(dir);
  file = join(dir, "tenant.db");
  db = tenantDb(nodeConnector(dir)(`file:tenant.db`, null));
  await applyMigrations(db.$client, migrations);
  await addMembers(db, ["a", "b", "c"]);
});

async function addMembers(on: TenantDb, ids: string[]) {
  const now = new Date();
  await on.insert(members).values(
    ids.map((id) => ({
      id,
      email: `${id}@reads.test`,
      displayName: `Member ${id}`,
      role: "member" as const,
      status: "active" as const,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

const list = (limit = 10) => textRows(db.$client, listStatement(db), columns, { limit });

/** The descriptors this process holds open on `path`. */
function openHandles(path: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe("the Node host's hot reads on statements kept prepared", () => {
  it("answer what drizzle's own mapping answers, and see each write once it is committed", async () => {
    expect(await list(2)).toEqual(await listStatement(db).all({ limit: 2 }));
    await addMembers(db, ["0"]);
    expect((await list()).map((m) => m.id)).toEqual(["0", "a", "b", "c"]);

    // A second connection, as another process (the CLI, a restore) would write.
    const other = tenantDb(nodeConnector(join(file, ".."))(`file:tenant.db`, null));
    await other.update(members).set({ status: "deactivated" }).where(sql`${members.id} = 'a'`);
    other.$client.close();
    expect((await list()).find((m) => m.id === "a")?.status).toBe("deactivated");
  });

  it("open one connection of their own at the first read and reuse it after", async () => {
    const before = openHandles(file);
    await list();
    expect(openHandles(file)).toBe(before + 1);
    for (let i = 0; i < 50; i++) await list(1 + (i % 3));
    expect(openHandles(file)).toBe(before + 1);
  });

  it("keep working when a migration changes the table a statement reads", async () => {
    expect(await list()).toHaveLength(3);
    await db.$client.execute("ALTER TABLE members ADD COLUMN nickname text");
    await db.$client.execute("CREATE INDEX members_nickname ON members (nickname)");
    await addMembers(db, ["d"]);
    expect((await list()).map((m) => m.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("refuse a statement that would write, and write nothing", () => {
    const reads = new FileReusedReads(file, 100, () => {});
    expect(() => reads.rows("DELETE FROM members", [])).toThrow(/Only statements that read/);
    expect(reads.rows("SELECT count(*) FROM members", [])).toEqual([[3]]);
    reads.close();
  });

  it("never make an empty database where the file has gone", () => {
    const gone = join(file, "..", "moved-away.db");
    const reads = new FileReusedReads(gone, 100, () => {});
    const failure = (() => {
      try {
        return reads.rows("SELECT 1", []);
      } catch (err) {
        return err;
      }
    })();
    expect(databaseFault(failure)).toMatchObject({ kind: "unreachable" });
    expect(existsSync(gone)).toBe(false);
  });

  it("fail as busy while another process holds the file exclusively, and read again once it lets go", async () => {
    expect(await list()).toHaveLength(3);
    const lock = await holdLock(file, "exclusive", 600);
    const failure = await list().catch((err: unknown) => err);
    expect(databaseFault(failure)).toMatchObject({ kind: "busy" });
    await lock.released;
    expect(await list()).toHaveLength(3);
  });

  it("close with the client: a later read fails as a closed client and opens nothing", async () => {
    expect(await list()).toHaveLength(3);
    db.$client.close();
    const handles = openHandles(file);
    const failure = await list().catch((err: unknown) => err);
    expect(failure).toMatchObject({ code: "CLIENT_CLOSED" });
    expect(isConnectionError(failure)).toBe(true);
    expect(openHandles(file)).toBe(handles);
  });
});
