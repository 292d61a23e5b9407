import { Hono } from "hono";
import {
  timelinePage,
  timelineParam,
  timelineQuery,
} from "../../../../shared/src/contracts/relationship/timeline";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { getTimeline } from "./read";

/** Mounted at /v1/matches/:matchId/timeline: the pair and coordinators; never integrations. */
export const timelineRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members(),
  validate("param", timelineParam),
  validate("query", timelineQuery),
  responds(200, timelinePage),
  async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("query") };
    return c.json(await getTimeline({ ctx: tenantCtx(c), input }));
  },
);
