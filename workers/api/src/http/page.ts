import type { Page } from "../../../shared/src/contracts/pagination";

/**
 * A list query asks for `limit + 1` rows: the extra row only tells that another page follows,
 * and the cursor names the last row shown.
 */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (last: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? cursorOf(items.at(-1)!) : null };
}
