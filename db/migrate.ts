import type { Client } from "@libsql/client";

export interface Migration {
  tag: string;
  statements: string[];
}

const ledger = "_tandem_migrations";

/**
 * Applies the migrations a database has not seen yet, each in its own write batch together
 * with its ledger row, so a failure leaves the database at the last whole migration.
 * Returns the schema version: how many migrations the database now has (a database already
 * migrated by a newer build keeps its higher number).
 */
export async function applyMigrations(client: Client, migrations: Migration[]): Promise<number> {
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${ledger} (tag TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)`,
  );
  const applied = new Set(
    (await client.execute(`SELECT tag FROM ${ledger}`)).rows.map((r) => String(r.tag)),
  );
  for (const { tag, statements } of migrations) {
    if (applied.has(tag)) continue;
    applied.add(tag);
    await client.batch(
      [
        ...statements,
        { sql: `INSERT INTO ${ledger} (tag, applied_at) VALUES (?, ?)`, args: [tag, Date.now()] },
      ],
      "write",
    );
  }
  return applied.size;
}
