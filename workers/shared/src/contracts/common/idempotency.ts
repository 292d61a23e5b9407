import * as v from "valibot";

/** How long a bulk write's answer is kept for a retry with the same `Idempotency-Key`. */
export const idempotencyWindowHours = 24;

/**
 * The optional `Idempotency-Key` header of bulk writes. Hono hands headers over lower-cased,
 * so that is the name here; HTTP header names are case-insensitive anyway.
 */
export const idempotencyHeader = v.object({
  "idempotency-key": v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^[\x21-\x7e]{1,255}$/,
        "Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.",
      ),
      v.description(
        `Makes a retry safe: the same key with the same body within ${idempotencyWindowHours} hours returns the first answer (with Idempotent-Replayed: true) instead of writing again; the same key with another body is 409.`,
      ),
    ),
  ),
});
