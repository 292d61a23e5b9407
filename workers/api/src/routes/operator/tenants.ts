import { Hono } from "hono";
import * as v from "valibot";
import { AppError } from "../../../../shared/src/errors";
import { tenantSlug } from "../../../../shared/src/tenant-input";
import {
  type AuditCtx,
  createTenant,
  listTenants,
  migrateTenants,
  type OperatorCtx,
  setTenantStatus,
} from "../../../../shared/src/tenants";
import type { AppEnv } from "../../app-env";
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

/** The operator API: the same operations as the `tandem` CLI, behind OPERATOR_TOKEN. */
export const operatorRoutes = new Hono<AppEnv>()
  .get("/tenants", async (c) => c.json({ items: await listTenants(c.get("platform").control) }))
  .post("/tenants", async (c) => {
    const body = await c.req.json().catch(() => {
      throw new AppError("validation", "The request body must be JSON.");
    });
    return c.json(await createTenant(operatorCtx(c.get("platform")), body), 201);
  })
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
