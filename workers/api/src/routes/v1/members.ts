import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { listMembers } from "../../services/members";
import { validate } from "../../validator";
import { pageQuery } from "../pagination";
import { tenantCtx } from "../tenant-ctx";

export const membersRoutes = new Hono<AppEnv>().get("/", validate("query", pageQuery), async (c) =>
  c.json(await listMembers({ ctx: tenantCtx(c), input: c.req.valid("query") })),
);
