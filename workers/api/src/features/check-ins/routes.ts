import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  checkInParam,
  checkInResponseInput,
  checkInResponseView,
  coordinatorTaskPage,
  coordinatorTaskParam,
  coordinatorTasksQuery,
  coordinatorTaskView,
  matchCheckIns,
  myCheckIns,
} from "../../../../shared/src/contracts/relationship/check-ins";
import { pairParam } from "../../../../shared/src/contracts/relationship/commitments";
import { readReasonHeader } from "../../../../shared/src/contracts/stewardship/pair-reads";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { listMatchCheckIns } from "./match-view";
import { listMyCheckIns } from "./mine";
import { answerCheckIn } from "./respond";
import { completeCoordinatorTask, listCoordinatorTasks } from "./tasks";

/** Mounted at /v1/matches/:matchId/check-ins. */
export const checkInsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("checkins:read"),
    validate("param", pairParam),
    validate("header", readReasonHeader),
    responds(200, matchCheckIns),
    async (c) => {
      const input = { ...c.req.valid("param"), readReason: c.req.valid("header")["read-reason"] };
      return c.json(await listMatchCheckIns({ ctx: tenantCtx(c), input }));
    },
  )
  .put(
    "/:period/response",
    allows.members(),
    validate("param", checkInParam),
    validate("json", checkInResponseInput),
    responds(200, checkInResponseView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await answerCheckIn({ ctx: tenantCtx(c), input }));
    },
  );

/** Mounted at /v1/me/check-ins: the check-ins the signed-in member can answer now. */
export const myCheckInsRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members(),
  responds(200, myCheckIns),
  async (c) => c.json(await listMyCheckIns({ ctx: tenantCtx(c) })),
);

/**
 * Mounted at /v1/programs/:programId/coordinator-tasks. Only admins, signed in: a task says
 * who asked a coordinator for contact, which is one of their check-in answers, and no
 * integration reads those.
 */
export const coordinatorTasksRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("coordinator-tasks:manage"),
    validate("param", programParam),
    validate("query", coordinatorTasksQuery),
    responds(200, coordinatorTaskPage),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await listCoordinatorTasks({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:taskId/done",
    allows.admins("coordinator-tasks:manage"),
    validate("param", coordinatorTaskParam),
    responds(200, coordinatorTaskView),
    async (c) =>
      c.json(await completeCoordinatorTask({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );
