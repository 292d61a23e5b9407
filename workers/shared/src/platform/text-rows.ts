import type { Client, InValue } from "@libsql/client";
import { type Column, fillPlaceholders } from "drizzle-orm";

/** A statement drizzle built (see reused-statements.ts): its SQL, and the rows it would map. */
interface BuiltSelect {
  getQuery(): { sql: string; params: unknown[] };
  all(values?: Record<string, unknown>): Promise<unknown[]>;
}

const checked = new WeakSet<object>();

/** Only text columns come back from libSQL exactly as drizzle would hand them over. */
function assertTextOnly(selection: Record<string, Column>): void {
  if (checked.has(selection)) return;
  const other = Object.entries(selection).find(([, column]) => column.columnType !== "SQLiteText");
  if (other) throw new Error(`textRows: column "${other[0]}" needs drizzle's own mapping`);
  checked.add(selection);
}

/**
 * Runs a statement drizzle built whose columns are all text, and names each row's values by
 * position. drizzle's own mapping copies every row into an array and passes each value through
 * its column's decoder: about 30 µs of the member list's CPU (26 rows), a fifth of what the
 * statement itself costs. Text needs no decoding, so the driver's values are used as they come.
 * `selection` must be the object the statement selects.
 */
export async function textRows<S extends BuiltSelect>(
  client: Client,
  statement: S,
  selection: Record<string, Column>,
  values: Record<string, unknown>,
): Promise<Awaited<ReturnType<S["all"]>>> {
  assertTextOnly(selection);
  const keys = Object.keys(selection);
  const { sql, params } = statement.getQuery();
  // drizzle's parameters are driver values already (it encodes them when building).
  const args = fillPlaceholders(params, values) as InValue[];
  const result = await client.execute({ sql, args });
  const rows = result.rows.map((row) => {
    const named: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) named[keys[i]!] = row[i];
    return named;
  });
  // The row type drizzle would give: the same columns, each text value unchanged.
  return rows as Awaited<ReturnType<S["all"]>>;
}
