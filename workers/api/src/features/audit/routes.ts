import { Hono } from "hono";
import { auditPage } from "../../../../shared/src/contracts/audit";
import { pageQuery } from "../../../../shared/src/contracts/common/pagination";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { listAuditLog } from "./list";
import { releaseAudit } from "./record";

export const auditRoutes = new Hono<AppEnv>().get(
  "/",
  allows.admins("audit:read"),
  validate("query", pageQuery),
  responds(200, auditPage),
  async (c) => {
    const ctx = tenantCtx(c);
    // Entries held in the control database (API client changes) join the log before it is read.
    await releaseAudit({ ...ctx, control: c.get("platform").control });
    return c.json(await listAuditLog({ ctx, input: c.req.valid("query") }));
  },
);
