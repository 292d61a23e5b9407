import { asc, eq, ne } from "drizzle-orm";
import pLimit from "p-limit";
import { operatorAudit, type Tenant, tenants } from "../../../../db/control/schema";
import { applyMigrations } from "../../../../db/migrate";
import { migrations as tenantMigrations } from "../../../../db/tenant/migrations.gen";
import { AppError } from "../contracts/common/errors";
import { parseInput } from "../contracts/common/validate";
import {
  type CreateTenantInput,
  createTenantInput,
  type MigrationReport,
  type TenantSummary,
} from "../contracts/operator";
import type { ConnectDb, ControlDb } from "../platform/db";
import { describeError, type Logger } from "../platform/log";
import { type Provisioner, ProvisioningError } from "../platform/provisioning";
import { seal } from "../platform/seal";
import type { TenantConnections } from "../platform/tenant-connections";

/** The tenant schema version this build of Tandem needs. */
export const tenantSchemaVersion = tenantMigrations.length;

export interface OperatorCtx {
  control: ControlDb;
  provisioner: Provisioner;
  connect: ConnectDb;
  sealKey: string;
  /** Who acts: "cli:<user>" or "operator-api". */
  actor: string;
  now: () => Date;
  log: Logger;
}

export function summarize(t: Tenant): TenantSummary {
  const { id, slug, name, kind, status, schemaVersion, createdAt } = t;
  return { id, slug, name, kind, status, schemaVersion, createdAt: createdAt.toISOString() };
}

/** Enough to record what an operator did. */
export type AuditCtx = Pick<OperatorCtx, "control" | "actor" | "now">;

async function audit(ctx: AuditCtx, action: string, slug: string, detail = {}) {
  await ctx.control
    .insert(operatorAudit)
    .values({ at: ctx.now(), actor: ctx.actor, action, tenantSlug: slug, detail });
}

/**
 * Claims the slug, creates and migrates the database, then marks the tenant active.
 * Any failure undoes what was made: no row, no database, the slug free again.
 */
export async function createTenant(ctx: OperatorCtx, raw: unknown): Promise<TenantSummary> {
  const input: CreateTenantInput = parseInput(createTenantInput, raw);
  const now = ctx.now();
  const id = crypto.randomUUID();
  const claimed = await ctx.control
    .insert(tenants)
    .values({ id, ...input, status: "provisioning", dbUrl: "", createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: tenants.slug })
    .returning({ id: tenants.id });
  if (claimed.length === 0) {
    throw new AppError("conflict", `A tenant with slug "${input.slug}" already exists.`);
  }
  let created = false;
  try {
    const database = await ctx.provisioner.createDatabase(input.slug);
    created = true;
    const client = ctx.connect(database.url, database.authToken);
    let version: number;
    try {
      version = await applyMigrations(client, tenantMigrations);
    } finally {
      client.close();
    }
    const [tenant] = await ctx.control
      .update(tenants)
      .set({
        status: "active",
        dbUrl: database.url,
        dbTokenSealed: database.authToken ? await seal(ctx.sealKey, database.authToken) : null,
        schemaVersion: version,
        updatedAt: ctx.now(),
      })
      .where(eq(tenants.id, id))
      .returning();
    await audit(ctx, "tenant.create", input.slug, { kind: input.kind });
    return summarize(tenant!);
  } catch (err) {
    if (created) {
      await ctx.provisioner.deleteDatabase(input.slug).catch((cleanup) =>
        // The tenant row goes anyway; a database left behind must at least be named.
        ctx.log.error("database of a failed tenant create could not be removed", {
          slug: input.slug,
          error: describeError(cleanup),
        }),
      );
    }
    await ctx.control.delete(tenants).where(eq(tenants.id, id));
    if (err instanceof ProvisioningError) {
      throw new AppError("upstream_failed", `Could not create the database: ${err.message}`);
    }
    throw new AppError(
      "upstream_failed",
      `Could not prepare the database for "${input.slug}": ${describeError(err)}`,
    );
  }
}

export async function listTenants(control: ControlDb): Promise<TenantSummary[]> {
  const rows = await control.select().from(tenants).orderBy(asc(tenants.slug));
  return rows.map(summarize);
}

export async function findTenantBySlug(control: ControlDb, slug: string): Promise<Tenant> {
  const [tenant] = await control.select().from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw new AppError("not_found", `No tenant has the slug "${slug}".`);
  return tenant;
}

export async function setTenantStatus(
  ctx: AuditCtx,
  slug: string,
  status: "active" | "suspended",
): Promise<TenantSummary> {
  const tenant = await findTenantBySlug(ctx.control, slug);
  if (tenant.status === "provisioning") {
    throw new AppError("conflict", `Tenant "${slug}" is still being provisioned.`);
  }
  const [updated] = await ctx.control
    .update(tenants)
    .set({ status, updatedAt: ctx.now() })
    .where(eq(tenants.id, tenant.id))
    .returning();
  await audit(ctx, status === "suspended" ? "tenant.suspend" : "tenant.resume", slug);
  return summarize(updated!);
}

/**
 * Brings every tenant database to this build's schema, a few at a time. A tenant that
 * fails is reported by slug and the others carry on; re-running skips what is applied.
 */
export async function migrateTenants(
  control: ControlDb,
  connections: TenantConnections,
  opts: { concurrency?: number; onProgress?: (done: number, total: number, slug: string) => void },
): Promise<MigrationReport> {
  const all = await control.select().from(tenants).where(ne(tenants.status, "provisioning"));
  const limit = pLimit(opts.concurrency ?? 4);
  const report: MigrationReport = { migrated: [], failed: [] };
  let done = 0;
  await Promise.all(
    all.map((tenant) =>
      limit(async () => {
        try {
          const version = await applyMigrations(await connections.client(tenant), tenantMigrations);
          await control
            .update(tenants)
            .set({ schemaVersion: version, updatedAt: new Date() })
            .where(eq(tenants.id, tenant.id));
          report.migrated.push({ slug: tenant.slug, schemaVersion: version });
        } catch (err) {
          connections.evict(tenant.id);
          report.failed.push({ slug: tenant.slug, error: describeError(err) });
        } finally {
          opts.onProgress?.(++done, all.length, tenant.slug);
        }
      }),
    ),
  );
  report.failed.sort((a, b) => a.slug.localeCompare(b.slug));
  report.migrated.sort((a, b) => a.slug.localeCompare(b.slug));
  return report;
}
