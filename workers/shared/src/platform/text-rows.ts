import type { Client, InValue } from "@libsql/client";
import { type Column, fillPlaceholders } from "drizzle-orm";

/** A statement drizzle built (see reused-statements.ts): its SQL, and the rows it would map. */
interface BuiltSelect {
  getQuery(): { sql: string; params: unknown[] };
  all(values?: Record<string, unknown>): Promise<unknown[]>;
}

/**
 * A cheaper way than the client's `execute` to run a read-only statement, given by the host
 * that opened the client: the Node host keeps these statements prepared on a connection of
 * their own (host/reused-reads.ts). Rows come back as arrays of values in column order.
 */
export interface ReusedReads {
  rows(sql: string, args: InValue[]): ArrayLike<unknown>[];
}

const reusedReads = new WeakMap<object, ReusedReads>();

/** Lets `textRows` run its statements on `client` through `reads`. */
export function withReusedReads<C extends object>(client: C, reads: ReusedReads): C {
  reusedReads.set(client, reads);
  return client;
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
 * Runs a read-only statement drizzle built whose columns are all text, and names each row's
 * values by position. For the reads every request makes (the member's standing) and the
 * hottest lists. drizzle's own mapping copies every row into an array and passes each value
 * through its column's decoder: about 30 µs of the member list's CPU (26 rows). Text needs no
 * decoding, so the driver's values are used as they come; where the host keeps statements
 * prepared, the client's `execute` (which prepares anew and defines a property per column of
 * every row) is skipped too. `selection` must be the object the statement selects.
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
  const reads = reusedReads.get(client);
  const found: ArrayLike<unknown>[] = reads
    ? reads.rows(sql, args)
    : (await client.execute({ sql, args })).rows;
  const rows = found.map((row) => {
    const named: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) named[keys[i]!] = row[i];
    return named;
  });
  // The row type drizzle would give: the same columns, each text value unchanged.
  return rows as Awaited<ReturnType<S["all"]>>;
}
