import * as v from "valibot";

/**
 * `?limit=&cursor=` shared by every list endpoint; lists add their own filters to it. `limit`
 * is plain decimal digits: Number() alone would also read "1e2", "0x10" and " 5".
 */
export const pageQuery = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9]{1,3}$/, "limit must be a whole number between 1 and 100, in digits."),
      v.transform(Number),
      v.minValue(1, "limit must be at least 1."),
      v.maxValue(100, "limit must be at most 100."),
    ),
    "25",
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200, "cursor is too long."))),
});
export type PageQuery = v.InferOutput<typeof pageQuery>;

/** One page of a list: `nextCursor` is passed back as `cursor`, and is null on the last page. */
export const page = <S extends v.GenericSchema>(item: S) =>
  v.object({ items: v.array(item), nextCursor: v.nullable(v.string()) });
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A whole list in one answer, for lists short enough never to need a cursor. */
export const list = <S extends v.GenericSchema>(item: S) => v.object({ items: v.array(item) });
