import { Hono } from "hono";
import {
  closeInput,
  closeParam,
  closureView,
} from "../../../../shared/src/contracts/stewardship/closure";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { closeRelationship } from "./close";

/**
 * Mounted at /v1/matches/:matchId/close: either of the pair or a coordinator ends the match.
 * No integration closes a relationship.
 */
export const closureRoutes = new Hono<AppEnv>().post(
  "/",
  allows.members(),
  validate("param", closeParam),
  validate("json", closeInput),
  responds(200, closureView),
  async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("json") };
    return c.json(await closeRelationship({ ctx: tenantCtx(c), input }));
  },
);
