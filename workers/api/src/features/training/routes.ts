import { Hono } from "hono";
import * as v from "valibot";
import {
  completionInput,
  trainingInput,
  trainingPatch,
} from "../../../../shared/src/contracts/training";
import type { AppEnv } from "../../http/app-env";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { completeTraining } from "./completion";
import { createTraining, deleteTraining, listTraining, updateTraining } from "./resources";

const id = v.pipe(v.string(), v.maxLength(100, "id is too long."));
const programParam = v.object({ programId: id });
const resourceParam = v.object({ programId: id, resourceId: id });

/** Mounted at /v1/programs/:programId/training. */
export const trainingRoutes = new Hono<AppEnv>()
  .get("/", validate("param", programParam), async (c) =>
    c.json(await listTraining({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post("/", validate("param", programParam), validate("json", trainingInput), async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("json") };
    return c.json(await createTraining({ ctx: tenantCtx(c), input }), 201);
  })
  .patch(
    "/:resourceId",
    validate("param", resourceParam),
    validate("json", trainingPatch),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await updateTraining({ ctx: tenantCtx(c), input }));
    },
  )
  .delete("/:resourceId", validate("param", resourceParam), async (c) => {
    await deleteTraining({ ctx: tenantCtx(c), input: c.req.valid("param") });
    return c.body(null, 204);
  })
  .post(
    "/:resourceId/complete",
    validate("param", resourceParam),
    validate("json", completionInput),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      await completeTraining({ ctx: tenantCtx(c), input });
      return c.body(null, 204);
    },
  );
