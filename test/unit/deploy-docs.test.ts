import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The README's deploy steps tell an operator which [vars] to edit in which wrangler.toml;
// a variable the file does not hold sends them looking for a line that is not there.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** The keys of a wrangler.toml's [vars] table. */
function varsOf(toml: string): string[] {
  const table = toml.split(/^\[vars\]\s*$/m)[1]?.split(/^\[/m)[0] ?? "";
  return [...table.matchAll(/^([A-Z_]+)\s*=/gm)].map((m) => m[1]!);
}

/** The `NAMES` the README's deploy steps say to set in that file's `[vars]`. */
function namedInReadme(file: string): string[] {
  const readme = read("README.md");
  const steps = readme.slice(readme.indexOf("## Deploying to Cloudflare"));
  const before = steps.split(`in \`${file}\` \`[vars]\``)[0]!;
  const clause = before.split(/(?:^|\n)\d\. |, and\s/).at(-1)!;
  return [...clause.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!);
}

describe("the README's deploy steps", () => {
  for (const file of ["wrangler.toml", "workers/scheduler/wrangler.toml"]) {
    it(`name only [vars] that ${file} holds`, () => {
      const named = namedInReadme(file);
      expect(named.length).toBeGreaterThan(0);
      expect(varsOf(read(file))).toEqual(expect.arrayContaining(named));
    });
  }
});
