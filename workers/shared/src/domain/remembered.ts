/**
 * Remembers a pure function by a key made of its arguments. Cohorts repeat the same tags,
 * seniorities and availabilities many times over, and a sweep asks the same days and moments
 * of the same time zones for thousands of pairs; the cache is dropped whole when it grows past
 * `limit`.
 */
export function rememberedBy<A extends unknown[], T>(
  key: (...args: A) => string,
  compute: (...args: A) => T,
  limit = 20_000,
): (...args: A) => T {
  const cache = new Map<string, T>();
  return (...args) => {
    const k = key(...args);
    let value = cache.get(k);
    if (value === undefined && !cache.has(k)) {
      value = compute(...args);
      if (cache.size >= limit) cache.clear();
      cache.set(k, value);
    }
    return value as T;
  };
}

/** Remembers a pure function of a string. */
export const remembered = <T>(read: (text: string) => T, limit?: number) =>
  rememberedBy((text: string) => text, read, limit);
