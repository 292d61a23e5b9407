import { Hono } from "hono";
import * as v from "valibot";
import { AppError } from "../../../../shared/src/contracts/errors";
import { memberEmail } from "../../../../shared/src/contracts/members";
import { tenantSlug } from "../../../../shared/src/contracts/operator";
import { listTenants } from "../../../../shared/src/tenancy/tenants";
import type { AppEnv } from "../../http/app-env";
import { validate } from "../../http/validator";
import { deliverSoon } from "../outbox";
import {
  changeTenantStatus,
  createTenantWithAdmin,
  inviteTenantAdmin,
  migrateAllTenants,
} from "./tenants";

const slugParam = v.object({ slug: tenantSlug });
const adminInvitation = v.object({ email: memberEmail });

/** The operator API: the same operations as the `tandem` CLI, behind OPERATOR_TOKEN. */
export const operatorRoutes = new Hono<AppEnv>()
  .get("/tenants", async (c) => c.json({ items: await listTenants(c.get("platform").control) }))
  .post("/tenants", async (c) => {
    // Validated whole by the service, which reports every field at once.
    const input = await c.req.json().catch(() => {
      throw new AppError("validation", "The request body must be JSON.");
    });
    const created = await createTenantWithAdmin({ platform: c.get("platform"), input });
    if (created.invitation) deliverSoon(c, created);
    return c.json(created, 201);
  })
  .post(
    "/tenants/:slug/admin-invitations",
    validate("param", slugParam),
    validate("json", adminInvitation),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      const invitation = await inviteTenantAdmin({ platform: c.get("platform"), input });
      deliverSoon(c, { slug: input.slug });
      return c.json(invitation, 201);
    },
  )
  .post("/tenants/:slug/suspend", validate("param", slugParam), async (c) => {
    const input = { ...c.req.valid("param"), status: "suspended" as const };
    return c.json(await changeTenantStatus({ platform: c.get("platform"), input }));
  })
  .post("/tenants/:slug/resume", validate("param", slugParam), async (c) => {
    const input = { ...c.req.valid("param"), status: "active" as const };
    return c.json(await changeTenantStatus({ platform: c.get("platform"), input }));
  })
  .post("/migrate", async (c) => {
    const report = await migrateAllTenants({ platform: c.get("platform") });
    return c.json(report, report.failed.length > 0 ? 207 : 200);
  });
