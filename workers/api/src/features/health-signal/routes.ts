import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import { pairParam } from "../../../../shared/src/contracts/relationship/commitments";
import {
  healthView,
  needsAttentionList,
} from "../../../../shared/src/contracts/stewardship/health-signal";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { getMatchHealth, listNeedsAttention } from "./read";

/** Mounted at /v1/matches/:matchId/health: the pair, coordinators, integrations with matches:read. */
export const matchHealthRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members("matches:read"),
  validate("param", pairParam),
  responds(200, healthView),
  async (c) => c.json(await getMatchHealth({ ctx: tenantCtx(c), input: c.req.valid("param") })),
);

/** Mounted at /v1/programs/:programId/needs-attention. */
export const needsAttentionRoutes = new Hono<AppEnv>().get(
  "/",
  allows.admins("matches:read"),
  validate("param", programParam),
  responds(200, needsAttentionList),
  async (c) => c.json(await listNeedsAttention({ ctx: tenantCtx(c), input: c.req.valid("param") })),
);
