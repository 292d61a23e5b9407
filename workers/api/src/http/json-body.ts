import type { MiddlewareHandler } from "hono";
import { AppError } from "../../../shared/src/contracts/common/errors";

/** Deeper than any payload Tandem takes (program rules nest 4 levels), far below the stack. */
export const maxJsonDepth = 32;

/** The media type of a request, without parameters such as charset. */
export const mediaTypeOf = (contentType: string | undefined) =>
  contentType?.split(";")[0]?.trim().toLowerCase();

/**
 * How deeply a JSON text nests, counted without parsing: brackets inside strings do not count.
 * Stops at the first level past `limit`, so a hostile body costs one pass at most.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // a backslash escapes the next character, quotes included
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      if (++depth > limit) return true;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return false;
}

// With the u flag only an unpaired surrogate matches: a pair is one code point, not a surrogate.
const loneSurrogate = /\p{Surrogate}/u;

/**
 * The path of the first string (or key) holding an unpaired UTF-16 surrogate. Such a string
 * cannot be stored as UTF-8: the database would keep U+FFFD instead of what was answered.
 */
function illFormedField(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return loneSurrogate.test(value) ? path : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (loneSurrogate.test(key)) return field;
    const found = illFormedField(item, field);
    if (found !== undefined) return found;
  }
  return undefined;
}

const refuse = (field: string, message: string) =>
  new AppError("validation", field ? `${field}: ${message}` : message, {
    errors: [{ field, message }],
  });

/**
 * What every JSON body passes before any code reads it: sent as JSON, not nested deeper than
 * `maxJsonDepth` (a deep body would overflow the stack of whatever walks it), a JSON object,
 * and only well-formed text. Hono caches the parsed body, so the validator does not parse again.
 */
export const jsonObjectBody: MiddlewareHandler = async function jsonObjectBody(c, next) {
  if (mediaTypeOf(c.req.header("content-type")) !== "application/json") {
    throw new AppError(
      "unsupported_media_type",
      "Send the body as JSON, with Content-Type: application/json.",
    );
  }
  const text = await c.req.text();
  if (jsonDepthExceeds(text, maxJsonDepth)) {
    throw refuse("", `The request body nests deeper than ${maxJsonDepth} levels.`);
  }
  const body: unknown = await c.req.json().catch(() => undefined);
  if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) {
    throw refuse("", "The request body must be a JSON object.");
  }
  const field = illFormedField(body, "");
  if (field !== undefined) {
    throw refuse(
      field,
      "contains an unpaired UTF-16 surrogate (\\uD800–\\uDFFF); send valid text.",
    );
  }
  await next();
};
