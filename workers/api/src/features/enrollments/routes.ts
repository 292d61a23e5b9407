import { Hono } from "hono";
import { idempotencyHeader } from "../../../../shared/src/contracts/common/idempotency";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  applyInput,
  bulkEnrollmentInput,
  bulkEnrollmentResult,
  decisionInput,
  enrollmentPage,
  enrollmentParam,
  enrollmentView,
  myEnrollments,
  queueQuery,
  withdrawParam,
} from "../../../../shared/src/contracts/enrollments";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { idempotent } from "../../http/idempotency";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { applyToProgram, getEnrollment, listEnrollments } from "./apply";
import { bulkEnroll } from "./bulk";
import { decideEnrollment } from "./decision";
import { listMyEnrollments, withdrawEnrollment } from "./mine";

/** Mounted at /v1/programs/:programId/enrollments. */
export const enrollmentsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("enrollments:read"),
    validate("param", programParam),
    validate("query", queueQuery),
    responds(200, enrollmentPage),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await listEnrollments({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/",
    allows.members(),
    validate("param", programParam),
    validate("json", applyInput),
    responds(201, enrollmentView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await applyToProgram({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .post(
    "/bulk",
    allows.admins("enrollments:write"),
    validate("param", programParam),
    validate("header", idempotencyHeader),
    validate("json", bulkEnrollmentInput),
    responds(200, bulkEnrollmentResult),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return idempotent(c, 200, (remember) => bulkEnroll({ ctx: tenantCtx(c), input, remember }));
    },
  )
  .get(
    "/:id",
    allows.members("enrollments:read"),
    validate("param", enrollmentParam),
    responds(200, enrollmentView),
    async (c) => c.json(await getEnrollment({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:id/decision",
    allows.admins("enrollments:write"),
    validate("param", enrollmentParam),
    validate("json", decisionInput),
    responds(200, enrollmentView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await decideEnrollment({ ctx: tenantCtx(c), input }));
    },
  );

/** Mounted at /v1/me/enrollments: the signed-in member's own. */
export const myEnrollmentsRoutes = new Hono<AppEnv>()
  .get("/", allows.members(), responds(200, myEnrollments), async (c) =>
    c.json(await listMyEnrollments({ ctx: tenantCtx(c) })),
  )
  .post(
    "/:id/withdraw",
    allows.members(),
    validate("param", withdrawParam),
    responds(200, enrollmentView),
    async (c) =>
      c.json(await withdrawEnrollment({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );
