const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** Every leaf of a rules object by dotted path; lists count as one value. */
function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()) {
  if (isPlainObject(value) && (prefix === "" || Object.keys(value).length > 0)) {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/**
 * The paths a rules change touched, with their values before and after (null where a path
 * did not exist), for the audit log: a reader sees what changed, not two whole rule sets.
 */
export function rulesDiff(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const old = leaves(before);
  const next = leaves(after);
  const changed = [...new Set([...old.keys(), ...next.keys()])]
    .filter((path) => JSON.stringify(old.get(path)) !== JSON.stringify(next.get(path)))
    .sort();
  return {
    before: Object.fromEntries(changed.map((path) => [path, old.get(path) ?? null])),
    after: Object.fromEntries(changed.map((path) => [path, next.get(path) ?? null])),
  };
}
