import { Hono } from "hono";
import {
  evaluationInput,
  evaluationParam,
  evaluationResponseView,
  evaluationSummary,
  evaluationSummaryParam,
  matchEvaluations,
  matchEvaluationsParam,
  myEvaluations,
} from "../../../../shared/src/contracts/stewardship/evaluations";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { answerEvaluation } from "./answer";
import { listMatchEvaluations } from "./list";
import { listMyEvaluations } from "./mine";
import { summarizeEvaluations } from "./summary";

/**
 * Mounted at /v1/matches/:matchId/evaluations. Integrations holding matches:read learn who
 * submitted what and when, never the answers; only the pair answers.
 */
export const evaluationsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("matches:read"),
    validate("param", matchEvaluationsParam),
    responds(200, matchEvaluations),
    async (c) =>
      c.json(
        await listMatchEvaluations({
          ctx: tenantCtx(c),
          input: c.req.valid("param"),
          readReason: c.req.header("read-reason"),
        }),
      ),
  )
  .put(
    "/:evaluationId",
    allows.members(),
    validate("param", evaluationParam),
    validate("json", evaluationInput),
    responds(200, evaluationResponseView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await answerEvaluation({ ctx: tenantCtx(c), input }));
    },
  );

/** Mounted at /v1/me/evaluations: what the signed-in member has to answer now. */
export const myEvaluationsRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members(),
  responds(200, myEvaluations),
  async (c) => c.json(await listMyEvaluations({ ctx: tenantCtx(c) })),
);

/** Mounted at /v1/programs/:programId/evaluations: aggregates for coordinators. */
export const evaluationSummaryRoutes = new Hono<AppEnv>().get(
  "/summary",
  allows.admins("matches:read"),
  validate("param", evaluationSummaryParam),
  responds(200, evaluationSummary),
  async (c) =>
    c.json(await summarizeEvaluations({ ctx: tenantCtx(c), input: c.req.valid("param") })),
);
