import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { listAuditLog } from "../../services/audit-log";
import { validate } from "../../validator";
import { pageQuery } from "../pagination";
import { tenantCtx } from "../tenant-ctx";

export const auditRoutes = new Hono<AppEnv>().get("/", validate("query", pageQuery), async (c) =>
  c.json(await listAuditLog({ ctx: tenantCtx(c), input: c.req.valid("query") })),
);
