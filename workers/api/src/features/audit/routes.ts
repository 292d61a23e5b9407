import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { pageQuery } from "../../http/pagination";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { listAuditLog } from "./list";

export const auditRoutes = new Hono<AppEnv>().get("/", validate("query", pageQuery), async (c) =>
  c.json(await listAuditLog({ ctx: tenantCtx(c), input: c.req.valid("query") })),
);
