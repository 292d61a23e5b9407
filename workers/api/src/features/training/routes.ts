import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  completionInput,
  resourceParam,
  trainingInput,
  trainingList,
  trainingPatch,
  trainingView,
} from "../../../../shared/src/contracts/training";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { completeTraining } from "./completion";
import { createTraining, deleteTraining, listTraining, updateTraining } from "./resources";

/** Mounted at /v1/programs/:programId/training. */
export const trainingRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("programs:read"),
    validate("param", programParam),
    responds(200, trainingList),
    async (c) => c.json(await listTraining({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/",
    allows.admins("programs:write"),
    validate("param", programParam),
    validate("json", trainingInput),
    responds(201, trainingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await createTraining({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .patch(
    "/:resourceId",
    allows.admins("programs:write"),
    validate("param", resourceParam),
    validate("json", trainingPatch),
    responds(200, trainingView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await updateTraining({ ctx: tenantCtx(c), input }));
    },
  )
  .delete(
    "/:resourceId",
    allows.admins("programs:write"),
    validate("param", resourceParam),
    responds(204),
    async (c) => {
      await deleteTraining({ ctx: tenantCtx(c), input: c.req.valid("param") });
      return c.body(null, 204);
    },
  )
  .post(
    "/:resourceId/complete",
    allows.members(),
    validate("param", resourceParam),
    validate("json", completionInput),
    responds(204),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      await completeTraining({ ctx: tenantCtx(c), input });
      return c.body(null, 204);
    },
  );
