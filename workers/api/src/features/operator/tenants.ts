import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  AdminInvitation,
  CreateTenantRequest,
  MigrationReport,
  TenantSummary,
} from "../../../../shared/src/contracts/operator";
import type { Platform } from "../../../../shared/src/platform/platform";
import {
  type AuditCtx,
  createTenant,
  findTenantBySlug,
  migrateTenants,
  type OperatorCtx,
  setTenantStatus,
} from "../../../../shared/src/tenancy/tenants";
import { inviteFirstAdmin } from "../members";

/**
 * The operator API runs the tenant operations the `tandem` CLI runs too; audit logs name it
 * thus where the CLI names its user.
 */
const operatorActor = "operator-api";

function operatorCtx(platform: Platform): OperatorCtx {
  if (!platform.provisioner) {
    throw new AppError("misconfigured", "No provisioning backend is configured on this host.");
  }
  return { ...platform, provisioner: platform.provisioner, actor: operatorActor };
}

function auditCtx(platform: Platform): AuditCtx {
  return { control: platform.control, now: platform.now, actor: operatorActor };
}

/** Queues the invitation email and returns its link: the operator may hand it over as well. */
export async function inviteTenantAdmin({
  platform,
  input,
}: {
  platform: Platform;
  input: { slug: string; email: string };
}): Promise<AdminInvitation> {
  const tenant = await findTenantBySlug(platform.control, input.slug);
  return inviteFirstAdmin({
    platform,
    tenant,
    email: input.email,
    now: platform.now(),
    operator: operatorActor,
  });
}

/**
 * Creates a tenant and, given `adminEmail`, invites its first admin. A failed invitation
 * leaves the tenant in place, and the error says how to retry just the invitation.
 */
export async function createTenantWithAdmin({
  platform,
  input,
}: {
  platform: Platform;
  input: CreateTenantRequest;
}): Promise<TenantSummary & { invitation?: AdminInvitation }> {
  const ctx = operatorCtx(platform);
  const { adminEmail, ...tenantInput } = input;
  const tenant = await createTenant(ctx, tenantInput);
  if (!adminEmail) return tenant;
  try {
    const invitation = await inviteTenantAdmin({
      platform,
      input: { slug: tenant.slug, email: adminEmail },
    });
    return { ...tenant, invitation };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    throw new AppError(
      err.code,
      `The tenant "${tenant.slug}" was created, but inviting its first admin failed: ` +
        `${err.message} Retry with POST /operator/v1/tenants/${tenant.slug}/admin-invitations.`,
      err.extra,
    );
  }
}

/** Suspends or resumes a tenant; this host stops (or resumes) serving it at once. */
export async function changeTenantStatus({
  platform,
  input,
}: {
  platform: Platform;
  input: { slug: string; status: "active" | "suspended" };
}): Promise<TenantSummary> {
  const tenant = await setTenantStatus(auditCtx(platform), input.slug, input.status);
  platform.tenants.forget(tenant.id);
  return tenant;
}

export async function migrateAllTenants({
  platform,
}: {
  platform: Platform;
}): Promise<MigrationReport> {
  const report = await migrateTenants(platform.control, platform.connections, {});
  platform.tenants.forget();
  return report;
}
