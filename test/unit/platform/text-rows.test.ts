import { createClient } from "@libsql/client";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../../db/migrate";
import { migrations } from "../../../db/tenant/migrations.gen";
import { members } from "../../../db/tenant/schema";
import { tenantDb } from "../../../workers/shared/src/platform/db";
import { textRows } from "../../../workers/shared/src/platform/text-rows";

const client = createClient({ url: ":memory:" });
const db = tenantDb(client);
beforeAll(async () => {
  await applyMigrations(client, migrations);
  const now = new Date();
  await db.insert(members).values(
    ["b", "a", "c"].map((id) => ({
      id,
      email: `${id}@rows.test`,
      displayName: `Member "${id}" — ünïcode`,
      role: "member" as const,
      status: "active" as const,
      createdAt: now,
      updatedAt: now,
    })),
  );
});
afterAll(() => client.close());

const textColumns = { id: members.id, displayName: members.displayName, role: members.role };

describe("textRows", () => {
  it("answers exactly the rows drizzle's own mapping gives, placeholders filled", async () => {
    const statement = db
      .select(textColumns)
      .from(members)
      .orderBy(asc(members.id))
      .limit(sql.placeholder("limit"))
      .prepare();
    const mine = await textRows(client, statement, textColumns, { limit: 2 });
    expect(mine).toEqual(await statement.all({ limit: 2 }));
    expect(mine.map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("refuses a selection with a column drizzle decodes (a timestamp)", async () => {
    const selection = { id: members.id, createdAt: members.createdAt };
    const statement = db.select(selection).from(members).prepare();
    await expect(textRows(client, statement, selection, {})).rejects.toThrow(/createdAt/);
  });
});
