import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { reservedSlugs, tenantSlug } from "../../workers/shared/src/contracts/operator";

function problems(slug: unknown): string[] {
  const result = v.safeParse(tenantSlug, slug);
  return result.success ? [] : result.issues.map((i) => i.message);
}

describe("tenant slugs", () => {
  it.each(["abc", "acme", "uni-of-x", "a1b", "2024-cohort", "a".repeat(40)])(
    "accepts %s",
    (slug) => {
      expect(v.safeParse(tenantSlug, slug).success).toBe(true);
    },
  );

  it("refuses slugs shorter than 3 characters", () => {
    expect(problems("ab")).toContain("Slug must be at least 3 characters.");
    expect(problems("")).toContain("Slug must be at least 3 characters.");
  });

  it("refuses slugs longer than 40 characters", () => {
    expect(problems("a".repeat(41))).toContain("Slug must be at most 40 characters.");
  });

  it.each([
    ["uppercase letters", "Acme"],
    ["a leading dash", "-acme"],
    ["a trailing dash", "acme-"],
    ["an underscore", "acme_u"],
    ["a space", "ac me"],
    ["a dot", "acme.edu"],
    ["a non-ASCII letter", "écoles"],
  ])("refuses a slug with %s", (_what, slug) => {
    expect(problems(slug)).toEqual([
      "Slug may hold lowercase letters, digits and inner dashes only.",
    ]);
  });

  it("refuses input that is not text", () => {
    expect(problems(42)).toEqual(["Slug must be text."]);
  });

  it.each([...reservedSlugs])("refuses the reserved word %s", (slug) => {
    expect(problems(slug)).toContain("That slug is reserved; choose another.");
  });

  it("reserves the words routes and hosts depend on", () => {
    for (const word of ["admin", "api", "app", "auth", "operator", "orgs", "www", "tandem"]) {
      expect(reservedSlugs.has(word)).toBe(true);
    }
  });
});
