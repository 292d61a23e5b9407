import { Hono } from "hono";
import * as v from "valibot";
import { AppError } from "../../../../shared/src/errors";
import { memberEmail } from "../../../../shared/src/invitation-input";
import { createTenantInput, tenantSlug } from "../../../../shared/src/tenant-input";
import {
  type AuditCtx,
  createTenant,
  findTenantBySlug,
  listTenants,
  migrateTenants,
  type OperatorCtx,
  setTenantStatus,
} from "../../../../shared/src/tenants";
import { parseInput } from "../../../../shared/src/validate";
import type { AppEnv } from "../../app-env";
import { inviteFirstAdmin } from "../../services/invitations";
import { validate } from "../../validator";

function operatorCtx(platform: AppEnv["Variables"]["platform"]): OperatorCtx {
  if (!platform.provisioner) {
    throw new AppError("misconfigured", "No provisioning backend is configured on this host.");
  }
  return { ...platform, provisioner: platform.provisioner, actor: "operator-api" };
}

function auditCtx(platform: AppEnv["Variables"]["platform"]): AuditCtx {
  return { control: platform.control, now: platform.now, actor: "operator-api" };
}

const slugParam = v.object({ slug: tenantSlug });
/** Checked whole before anything is created, so a bad address leaves no tenant behind. */
const createWithAdmin = v.object({
  ...createTenantInput.entries,
  adminEmail: v.optional(memberEmail),
});
const adminInvitation = v.object({ email: memberEmail });

/** Emails the invitation and returns its link: the operator may hand it over as well. */
async function inviteAdmin(platform: AppEnv["Variables"]["platform"], slug: string, email: string) {
  const tenant = await findTenantBySlug(platform.control, slug);
  return inviteFirstAdmin({
    platform,
    tenant,
    email,
    now: platform.now(),
    operator: "operator-api",
  });
}

/** The operator API: the same operations as the `tandem` CLI, behind OPERATOR_TOKEN. */
export const operatorRoutes = new Hono<AppEnv>()
  .get("/tenants", async (c) => c.json({ items: await listTenants(c.get("platform").control) }))
  .post("/tenants", async (c) => {
    const body = await c.req.json().catch(() => {
      throw new AppError("validation", "The request body must be JSON.");
    });
    const platform = c.get("platform");
    const ctx = operatorCtx(platform);
    const { adminEmail } = parseInput(createWithAdmin, body);
    const tenant = await createTenant(ctx, body);
    if (!adminEmail) return c.json(tenant, 201);
    try {
      return c.json(
        { ...tenant, invitation: await inviteAdmin(platform, tenant.slug, adminEmail) },
        201,
      );
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError(
        err.code,
        `The tenant "${tenant.slug}" was created, but inviting its first admin failed: ` +
          `${err.message} Retry with POST /operator/v1/tenants/${tenant.slug}/admin-invitations.`,
        err.extra,
      );
    }
  })
  .post(
    "/tenants/:slug/admin-invitations",
    validate("param", slugParam),
    validate("json", adminInvitation),
    async (c) => {
      const { slug } = c.req.valid("param");
      return c.json(await inviteAdmin(c.get("platform"), slug, c.req.valid("json").email), 201);
    },
  )
  .post("/tenants/:slug/suspend", validate("param", slugParam), async (c) => {
    const platform = c.get("platform");
    const tenant = await setTenantStatus(
      auditCtx(platform),
      c.req.valid("param").slug,
      "suspended",
    );
    platform.tenants.forget(tenant.id);
    return c.json(tenant);
  })
  .post("/tenants/:slug/resume", validate("param", slugParam), async (c) => {
    const platform = c.get("platform");
    const tenant = await setTenantStatus(auditCtx(platform), c.req.valid("param").slug, "active");
    platform.tenants.forget(tenant.id);
    return c.json(tenant);
  })
  .post("/migrate", async (c) => {
    const platform = c.get("platform");
    const report = await migrateTenants(platform.control, platform.connections, {});
    platform.tenants.forget();
    return c.json(report, report.failed.length > 0 ? 207 : 200);
  });
