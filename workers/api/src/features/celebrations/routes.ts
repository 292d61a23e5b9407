import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  celebrationList,
  celebrationParam,
  celebrationView,
  pairParam,
  wallItem,
  wallPage,
  wallParam,
  wallQuery,
} from "../../../../shared/src/contracts/relationship/goals";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { listCelebrations, shareCelebration } from "./pair";
import { congratulate, listWall } from "./wall";

/** Mounted at /v1/matches/:matchId/celebrations: a pair's wins, and which are on the wall. */
export const celebrationsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("goals:read"),
    validate("param", pairParam),
    responds(200, celebrationList),
    async (c) => c.json(await listCelebrations({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:celebrationId/share",
    allows.members(),
    validate("param", celebrationParam),
    responds(200, celebrationView),
    async (c) => {
      const input = { ...c.req.valid("param"), share: true };
      return c.json(await shareCelebration({ ctx: tenantCtx(c), input }));
    },
  )
  .delete(
    "/:celebrationId/share",
    allows.members(),
    validate("param", celebrationParam),
    responds(200, celebrationView),
    async (c) => {
      const input = { ...c.req.valid("param"), share: false };
      return c.json(await shareCelebration({ ctx: tenantCtx(c), input }));
    },
  );

/** Mounted at /v1/programs/:programId/wall: what the program's pairs chose to celebrate. */
export const wallRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members(),
    validate("param", programParam),
    validate("query", wallQuery),
    responds(200, wallPage),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await listWall({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:celebrationId/congratulate",
    allows.members(),
    validate("param", wallParam),
    responds(200, wallItem),
    async (c) => {
      const input = { ...c.req.valid("param"), undo: false };
      return c.json(await congratulate({ ctx: tenantCtx(c), input }));
    },
  )
  .delete(
    "/:celebrationId/congratulate",
    allows.members(),
    validate("param", wallParam),
    responds(200, wallItem),
    async (c) => {
      const input = { ...c.req.valid("param"), undo: true };
      return c.json(await congratulate({ ctx: tenantCtx(c), input }));
    },
  );
