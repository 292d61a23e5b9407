import * as v from "valibot";

/** `?limit=&cursor=` shared by every list endpoint. */
export const pageQuery = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.integer("limit must be a whole number."),
      v.minValue(1, "limit must be at least 1."),
      v.maxValue(100, "limit must be at most 100."),
    ),
    "25",
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200, "cursor is too long."))),
});
