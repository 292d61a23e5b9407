import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clientScopes, scopeDescriptions } from "../../workers/shared/src/contracts/scopes";

// scopes.ts is the one list: the API validates with it and the web's client form and the
// OpenAPI document read it. The README and docs/api.md are written by hand, so they are held
// to it here: each has one table, `| scope | what it allows |`, with every scope in order.

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** Rows of the Markdown table whose header's first cell is "scope", as [scope, description]. */
function scopeTable(markdown: string): [string, string][] {
  const lines = markdown.split("\n");
  const header = lines.findIndex((line) => /^\|\s*scope\s*\|/i.test(line));
  if (header < 0) return [];
  const rows: [string, string][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith("|")) break;
    const [scope = "", description = ""] = line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim());
    rows.push([scope.replaceAll("`", ""), description]);
  }
  return rows;
}

const expected = clientScopes.map((scope) => [scope, scopeDescriptions[scope]]);

describe("every scope, in every place that lists them", () => {
  for (const path of ["README.md", "docs/api.md"]) {
    it(`${path} has a scope table equal to scopes.ts`, () => {
      expect(scopeTable(read(path))).toEqual(expected);
    });
  }

  it("the OpenAPI document's clientAssertion scheme names every scope", () => {
    const doc = JSON.parse(read("docs/openapi.json"));
    const description: string = doc.components.securitySchemes.clientAssertion.description;
    for (const [scope, text] of expected) expect(description).toContain(`${scope}: ${text}`);
  });
});
