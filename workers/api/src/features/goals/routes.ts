import { Hono } from "hono";
import {
  dropInput,
  goalChange,
  goalInput,
  goalList,
  goalParam,
  goalView,
  milestoneInput,
  milestoneParam,
  pairParam,
  progressInput,
  reviewInput,
} from "../../../../shared/src/contracts/relationship/goals";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { addMilestone, changeGoal, createGoal, listGoals } from "./create";
import { achieveGoal, completeMilestone, dropGoal } from "./lifecycle";
import { recordProgress, reviewGoal } from "./progress";

/**
 * Mounted at /v1/matches/:matchId/goals. The pair writes (coordinators and integrations get
 * 403); coordinators and integrations with goals:read read.
 */
export const goalsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("goals:read"),
    validate("param", pairParam),
    responds(200, goalList),
    async (c) => c.json(await listGoals({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/",
    allows.members(),
    validate("param", pairParam),
    validate("json", goalInput),
    responds(201, goalView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await createGoal({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .patch(
    "/:goalId",
    allows.members(),
    validate("param", goalParam),
    validate("json", goalChange),
    responds(200, goalView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await changeGoal({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:goalId/progress",
    allows.members(),
    validate("param", goalParam),
    validate("json", progressInput),
    responds(200, goalView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await recordProgress({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:goalId/review",
    allows.members(),
    validate("param", goalParam),
    validate("json", reviewInput),
    responds(200, goalView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await reviewGoal({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:goalId/achieve",
    allows.members(),
    validate("param", goalParam),
    responds(200, goalView),
    async (c) => c.json(await achieveGoal({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:goalId/drop",
    allows.members(),
    validate("param", goalParam),
    validate("json", dropInput),
    responds(200, goalView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await dropGoal({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:goalId/milestones",
    allows.members(),
    validate("param", goalParam),
    validate("json", milestoneInput),
    responds(201, goalView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await addMilestone({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .post(
    "/:goalId/milestones/:milestoneId/done",
    allows.members(),
    validate("param", milestoneParam),
    responds(200, goalView),
    async (c) =>
      c.json(await completeMilestone({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );
