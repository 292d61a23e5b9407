import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// The web client reads the API's shapes from the contracts, never from the API's code or a
// copy of it (DESIGN §1a): from shared code it may import contracts/ and domain/ only.

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const web = join(root, "web/src");
const allowed = ["web/src/", "workers/shared/src/contracts/", "workers/shared/src/domain/"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Relative specifiers of static, type-only and dynamic imports and re-exports. */
function specifiers(text: string): string[] {
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)["'](\.[^"']+)["']/g;
  return [...text.matchAll(pattern)].map((m) => m[1]!);
}

it("web/src imports from shared code only workers/shared/src/contracts/ and domain/", () => {
  const outside: string[] = [];
  for (const file of sources(web)) {
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      const target = relative(root, resolve(dirname(file), spec));
      if (!allowed.some((prefix) => `${target}/`.startsWith(prefix))) {
        outside.push(`${relative(root, file)} → ${target}`);
      }
    }
  }
  expect(outside).toEqual([]);
});

it("finds the imports it judges (the check is not vacuous)", () => {
  const all = sources(web).flatMap((file) => specifiers(readFileSync(file, "utf8")));
  expect(all.some((s) => s.includes("workers/shared/src/contracts/"))).toBe(true);
  expect(all.some((s) => s.includes("workers/shared/src/domain/"))).toBe(true);
});
