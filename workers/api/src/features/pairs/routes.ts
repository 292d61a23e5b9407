import { Hono } from "hono";
import {
  pairReadPage,
  pairReadsParam,
  pairReadsQuery,
} from "../../../../shared/src/contracts/stewardship/pair-reads";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { listPairReads } from "./read-log";

/**
 * Mounted at /v1/matches/:matchId/reads: the pair's people and its coordinators, signed in.
 * No integration: the log names who looked at the pair and why.
 */
export const pairReadsRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members(),
  validate("param", pairReadsParam),
  validate("query", pairReadsQuery),
  responds(200, pairReadPage),
  async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("query") };
    return c.json(await listPairReads({ ctx: tenantCtx(c), input }));
  },
);
