import { Hono } from "hono";
import {
  adminInvitation,
  adminInvitationInput,
  createTenantRequest,
  migrationReport,
  slugParam,
  tenantCreated,
  tenantList,
  tenantSummary,
} from "../../../../shared/src/contracts/operator";
import { listTenants } from "../../../../shared/src/tenancy/tenants";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { validate } from "../../http/validator";
import { deliverSoon } from "../outbox";
import {
  changeTenantStatus,
  createTenantWithAdmin,
  inviteTenantAdmin,
  migrateAllTenants,
} from "./tenants";

/** The operator API: the same operations as the `tandem` CLI, behind OPERATOR_TOKEN. */
export const operatorRoutes = new Hono<AppEnv>()
  .get("/tenants", responds(200, tenantList), async (c) =>
    c.json({ items: await listTenants(c.get("platform").control) }),
  )
  .post(
    "/tenants",
    validate("json", createTenantRequest),
    responds(201, tenantCreated),
    async (c) => {
      const input = c.req.valid("json");
      const created = await createTenantWithAdmin({ platform: c.get("platform"), input });
      if (created.invitation) deliverSoon(c, created);
      return c.json(created, 201);
    },
  )
  .post(
    "/tenants/:slug/admin-invitations",
    validate("param", slugParam),
    validate("json", adminInvitationInput),
    responds(201, adminInvitation),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      const invitation = await inviteTenantAdmin({ platform: c.get("platform"), input });
      deliverSoon(c, { slug: input.slug });
      return c.json(invitation, 201);
    },
  )
  .post(
    "/tenants/:slug/suspend",
    validate("param", slugParam),
    responds(200, tenantSummary),
    async (c) => {
      const input = { ...c.req.valid("param"), status: "suspended" as const };
      return c.json(await changeTenantStatus({ platform: c.get("platform"), input }));
    },
  )
  .post(
    "/tenants/:slug/resume",
    validate("param", slugParam),
    responds(200, tenantSummary),
    async (c) => {
      const input = { ...c.req.valid("param"), status: "active" as const };
      return c.json(await changeTenantStatus({ platform: c.get("platform"), input }));
    },
  )
  .post("/migrate", responds(200, migrationReport), responds(207, migrationReport), async (c) => {
    const report = await migrateAllTenants({ platform: c.get("platform") });
    return c.json(report, report.failed.length > 0 ? 207 : 200);
  });
