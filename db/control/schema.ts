import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { auditActorTypes } from "../../workers/shared/src/contracts/audit";
import { tenantKinds, tenantStatuses } from "../../workers/shared/src/contracts/operator";
import type { ClientScope } from "../../workers/shared/src/contracts/scopes";
import type { ClientJwk } from "../../workers/shared/src/security/client-keys";

/** One row per organization. The database URL is never logged; the token is sealed. */
export const tenants = sqliteTable("tenants", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind", { enum: tenantKinds }).notNull(),
  status: text("status", { enum: tenantStatuses }).notNull(),
  dbUrl: text("db_url").notNull(),
  dbTokenSealed: text("db_token_sealed"),
  schemaVersion: integer("schema_version").notNull().default(0),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** Public halves of the platform's signing keys, kept so rotation can publish the previous key. */
export const signingKeys = sqliteTable("signing_keys", {
  kid: text("kid").primaryKey(),
  alg: text("alg").notNull(),
  publicJwk: text("public_jwk").notNull(),
  status: text("status", { enum: ["active", "retiring", "retired"] }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
});

/** What operators did to tenants, whoever ran the CLI or called the operator API. */
export const operatorAudit = sqliteTable("operator_audit", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  at: integer("at", { mode: "timestamp_ms" }).notNull(),
  actor: text("actor").notNull(),
  action: text("action").notNull(),
  tenantSlug: text("tenant_slug"),
  detail: text("detail", { mode: "json" })
    .$type<Record<string, unknown>>()
    .notNull()
    .default(sql`'{}'`),
});

/**
 * API clients of integrations (RFC 7523 style). Kept in the control DB so a client's tenant is
 * known before any tenant database is opened.
 */
export const integrationClients = sqliteTable(
  "integration_clients",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<ClientScope[]>().notNull(),
    /** Public JWKs the client signs with; the newest first. Null when jwksUrl is used. */
    jwks: text("jwks", { mode: "json" }).$type<ClientJwk[]>(),
    jwksUrl: text("jwks_url"),
    status: text("status", { enum: ["active", "revoked"] }).notNull(),
    createdBy: text("created_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("integration_clients_tenant").on(t.tenantId)],
);

/**
 * Audit entries of changes made here for one organization (its API clients), written in the
 * same transaction as the change and held until they are copied into that organization's own
 * audit log: no transaction spans both databases, so a crash between them loses nothing.
 */
export const heldAudit = sqliteTable(
  "held_audit",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorType: text("actor_type", { enum: auditActorTypes }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    ip: text("ip"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("held_audit_tenant").on(t.tenantId, t.at)],
);

/**
 * When each tenant next has something due, as its last sweep worked it out, so the cron can
 * pick the tenants to sweep without opening their databases. Written by the sweep only, never
 * on a request path: what requests change in between is caught by the hourly full sweep.
 */
export const tenantSchedule = sqliteTable(
  "tenant_schedule",
  {
    tenantId: text("tenant_id").primaryKey(),
    /** The earliest moment something is due (a reminder, a delivery); null: nothing known. */
    nextDueAt: integer("next_due_at", { mode: "timestamp_ms" }),
    sweptAt: integer("swept_at", { mode: "timestamp_ms" }).notNull(),
    /** The last sweep that looked at every active match. */
    fullSweepAt: integer("full_sweep_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("tenant_schedule_due").on(t.nextDueAt),
    index("tenant_schedule_full").on(t.fullSweepAt),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type IntegrationClient = typeof integrationClients.$inferSelect;
