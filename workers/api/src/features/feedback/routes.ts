import { Hono } from "hono";
import {
  feedbackInput,
  feedbackList,
  feedbackView,
} from "../../../../shared/src/contracts/relationship/feedback";
import { pairParam } from "../../../../shared/src/contracts/relationship/goals";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { giveFeedback } from "./give";
import { listFeedback } from "./list";

/**
 * Mounted at /v1/matches/:matchId/feedback. Integrations never read feedback (the visibility
 * table), so neither route takes a client's credential.
 */
export const feedbackRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members(),
    validate("param", pairParam),
    responds(200, feedbackList),
    async (c) => c.json(await listFeedback({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/",
    allows.members(),
    validate("param", pairParam),
    validate("json", feedbackInput),
    responds(201, feedbackView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await giveFeedback({ ctx: tenantCtx(c), input }), 201);
    },
  );
