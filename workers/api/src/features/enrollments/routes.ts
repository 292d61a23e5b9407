import { Hono } from "hono";
import * as v from "valibot";
import {
  applyInput,
  bulkEnrollmentInput,
  decisionInput,
  enrollmentStatuses,
  programRole,
} from "../../../../shared/src/contracts/enrollments";
import type { AppEnv } from "../../http/app-env";
import { pageQuery } from "../../http/pagination";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { deliverAfterResponse } from "../outbox";
import { applyToProgram, getEnrollment, listEnrollments } from "./apply";
import { bulkEnroll } from "./bulk";
import { decideEnrollment } from "./decision";
import { listMyEnrollments, withdrawEnrollment } from "./mine";

const id = v.pipe(v.string(), v.maxLength(100, "id is too long."));
const programParam = v.object({ programId: id });
const enrollmentParam = v.object({ programId: id, id });
const queueQuery = v.object({
  ...pageQuery.entries,
  cursor: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,16}:[^:]{1,100}$/, "cursor is not one this list handed out."),
    ),
  ),
  status: v.optional(v.picklist(enrollmentStatuses, "status is not an enrollment status.")),
  role: v.optional(programRole),
});

/** Mounted at /v1/programs/:programId/enrollments. */
export const enrollmentsRoutes = new Hono<AppEnv>()
  .get("/", validate("param", programParam), validate("query", queueQuery), async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("query") };
    return c.json(await listEnrollments({ ctx: tenantCtx(c), input }));
  })
  .post("/", validate("param", programParam), validate("json", applyInput), async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("json") };
    return c.json(await applyToProgram({ ctx: tenantCtx(c), input }), 201);
  })
  .post(
    "/bulk",
    validate("param", programParam),
    validate("json", bulkEnrollmentInput),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await bulkEnroll({ ctx: tenantCtx(c), input }));
    },
  )
  .get("/:id", validate("param", enrollmentParam), async (c) =>
    c.json(await getEnrollment({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:id/decision",
    deliverAfterResponse(),
    validate("param", enrollmentParam),
    validate("json", decisionInput),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await decideEnrollment({ ctx: tenantCtx(c), input }));
    },
  );

/** Mounted at /v1/me/enrollments: the signed-in member's own. */
export const myEnrollmentsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await listMyEnrollments({ ctx: tenantCtx(c) })))
  .post("/:id/withdraw", validate("param", v.object({ id })), async (c) =>
    c.json(await withdrawEnrollment({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );
