import * as v from "valibot";
import { tenantKinds } from "../../../../db/control/schema";

/** Slugs appear in URLs (/v1/orgs/{slug}/auth/...) and database names, so they stay plain. */
export const reservedSlugs = new Set([
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "billing",
  "docs",
  "help",
  "login",
  "logout",
  "mail",
  "new",
  "null",
  "operator",
  "orgs",
  "root",
  "settings",
  "static",
  "status",
  "support",
  "system",
  "tandem",
  "undefined",
  "www",
]);

export const tenantSlug = v.pipe(
  v.string("Slug must be text."),
  v.minLength(3, "Slug must be at least 3 characters."),
  v.maxLength(40, "Slug must be at most 40 characters."),
  v.regex(
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    "Slug may hold lowercase letters, digits and inner dashes only.",
  ),
  v.check((slug) => !reservedSlugs.has(slug), "That slug is reserved; choose another."),
);

export const createTenantInput = v.object({
  slug: tenantSlug,
  name: v.pipe(
    v.string("Name must be text."),
    v.trim(),
    v.minLength(1, "Name is required."),
    v.maxLength(120, "Name must be at most 120 characters."),
  ),
  kind: v.picklist(tenantKinds, `Kind must be one of: ${tenantKinds.join(", ")}.`),
});

export type CreateTenantInput = v.InferOutput<typeof createTenantInput>;
