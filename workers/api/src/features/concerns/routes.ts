import { Hono } from "hono";
import {
  concernList,
  concernNoteInput,
  concernParam,
  concernSummaryPage,
  concernsMatchParam,
  concernView,
  programConcernsParam,
  programConcernsQuery,
  raiseConcernInput,
  resolveConcernInput,
} from "../../../../shared/src/contracts/stewardship/concerns";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { acknowledgeConcern, addConcernNote, resolveConcern } from "./handle";
import { listProgramConcerns } from "./queue";
import { raiseConcern } from "./raise";
import { listMatchConcerns, listMyConcerns } from "./read";

/**
 * Mounted at /v1/matches/:matchId/concerns. The pair raises concerns; coordinators read them
 * (sending Read-Reason) and handle them, signed in: no integration acknowledges, notes or
 * resolves one.
 */
export const concernsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("concerns:read"),
    validate("param", concernsMatchParam),
    responds(200, concernList),
    async (c) => {
      const input = { ...c.req.valid("param"), readReason: c.req.header("read-reason") };
      return c.json(await listMatchConcerns({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/",
    allows.members(),
    validate("param", concernsMatchParam),
    validate("json", raiseConcernInput),
    responds(201, concernView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await raiseConcern({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .post(
    "/:concernId/acknowledge",
    allows.admins("concerns:manage"),
    validate("param", concernParam),
    responds(200, concernView),
    async (c) =>
      c.json(await acknowledgeConcern({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:concernId/notes",
    allows.admins("concerns:manage"),
    validate("param", concernParam),
    validate("json", concernNoteInput),
    responds(201, concernView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await addConcernNote({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .post(
    "/:concernId/resolve",
    allows.admins("concerns:manage"),
    validate("param", concernParam),
    validate("json", resolveConcernInput),
    responds(200, concernView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await resolveConcern({ ctx: tenantCtx(c), input }));
    },
  );

/** Mounted at /v1/me/concerns: the concerns the signed-in member raised, and where they stand. */
export const myConcernsRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members(),
  responds(200, concernList),
  async (c) => c.json(await listMyConcerns({ ctx: tenantCtx(c) })),
);

/** Mounted at /v1/programs/:programId/concerns: the program's queue, without their text. */
export const programConcernsRoutes = new Hono<AppEnv>().get(
  "/",
  allows.admins("concerns:read"),
  validate("param", programConcernsParam),
  validate("query", programConcernsQuery),
  responds(200, concernSummaryPage),
  async (c) => {
    const input = { ...c.req.valid("param"), ...c.req.valid("query") };
    return c.json(await listProgramConcerns({ ctx: tenantCtx(c), input }));
  },
);
