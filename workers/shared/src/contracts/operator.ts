import * as v from "valibot";
import { timestamp } from "./common/json";
import { list } from "./common/pagination";
import { memberEmail } from "./members";

/** The operator API's payloads (the `tandem` CLI runs the same operations). */

export const tenantKinds = ["university", "company", "other"] as const;
export type TenantKind = (typeof tenantKinds)[number];
export const tenantStatuses = ["provisioning", "active", "suspended"] as const;

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

/** Checked whole before anything is created, so a bad address leaves no tenant behind. */
export const createTenantRequest = v.object({
  ...createTenantInput.entries,
  adminEmail: v.optional(memberEmail),
});
export type CreateTenantRequest = v.InferOutput<typeof createTenantRequest>;

export const slugParam = v.object({ slug: tenantSlug });
export const adminInvitationInput = v.object({ email: memberEmail });

/** What operators see of a tenant: never its database URL or token. */
export const tenantSummary = v.object({
  id: v.string(),
  slug: v.string(),
  name: v.string(),
  kind: v.picklist(tenantKinds),
  status: v.picklist(tenantStatuses),
  schemaVersion: v.number(),
  createdAt: timestamp,
});
export type TenantSummary = v.InferOutput<typeof tenantSummary>;
export const tenantList = list(tenantSummary);

/** The first admin's invitation; the link is handed to the operator as well as emailed. */
export const adminInvitation = v.object({ email: v.string(), link: v.string() });
export type AdminInvitation = v.InferOutput<typeof adminInvitation>;

export const tenantCreated = v.object({
  ...tenantSummary.entries,
  invitation: v.optional(adminInvitation),
});

export const migrationReport = v.object({
  migrated: v.array(v.object({ slug: v.string(), schemaVersion: v.number() })),
  failed: v.array(v.object({ slug: v.string(), error: v.string() })),
});
export type MigrationReport = v.InferOutput<typeof migrationReport>;
