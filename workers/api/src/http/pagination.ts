import { base64url } from "jose";
import * as v from "valibot";
import type { Page } from "../../../shared/src/contracts/common/pagination";
import { invalidField } from "./invalid-field";

/** The sort key of the last row shown: what the next page starts after. */
export type CursorKey = readonly (string | number)[];

/**
 * The one cursor codec: a list's sort key as base64url JSON. Opaque to callers, so a list can
 * change its key without breaking anyone who only passes cursors back.
 */
export const encodeCursor = (key: CursorKey): string => base64url.encode(JSON.stringify(key));

/** The key inside a cursor this list handed out, or a 400 naming the cursor. */
export function decodeCursor<S extends v.GenericSchema<unknown, CursorKey>>(
  cursor: string,
  key: S,
): v.InferOutput<S> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(base64url.decode(cursor)));
  } catch {
    json = undefined;
  }
  const parsed = v.safeParse(key, json);
  if (!parsed.success) {
    throw invalidField("cursor", "cursor is not one this list handed out; pass back nextCursor.");
  }
  return parsed.output;
}

/**
 * A list query asks for `limit + 1` rows: the extra row only tells that another page follows,
 * and the cursor names the last row shown.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (last: T) => CursorKey): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(keyOf(items.at(-1)!)) : null };
}

/**
 * Cursor keys of the common shapes: an id, a sequence number, a time then an id. Strict: a
 * plain tuple would drop extra items and accept a key this list never handed out.
 */
export const idKey = v.strictTuple([v.pipe(v.string(), v.maxLength(100))]);
export const seqKey = v.strictTuple([v.pipe(v.number(), v.integer(), v.minValue(0))]);
export const timeIdKey = v.strictTuple([
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  v.pipe(v.string(), v.maxLength(100)),
]);
