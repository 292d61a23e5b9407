import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  closeInput,
  matchesQuery,
  matchList,
  matchPage,
  matchParam,
  matchView,
  pairInput,
} from "../../../../shared/src/contracts/matches";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { closeMatch, makeMatch } from "./making";
import { getMatch, listMatches, listMyMatches } from "./records";

/** Mounted at /v1/programs/:programId/matches: a program's matches and their history. */
export const matchesRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("matches:read"),
    validate("param", programParam),
    validate("query", matchesQuery),
    responds(200, matchPage),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await listMatches({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/",
    allows.admins("matches:write"),
    validate("param", programParam),
    validate("json", pairInput),
    responds(201, matchView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await makeMatch({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .get(
    "/:matchId",
    allows.members("matches:read"),
    validate("param", matchParam),
    responds(200, matchView),
    async (c) => c.json(await getMatch({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:matchId/close",
    allows.admins("matches:write"),
    validate("param", matchParam),
    validate("json", closeInput),
    responds(200, matchView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await closeMatch({ ctx: tenantCtx(c), input }));
    },
  );

/** Mounted at /v1/me/matches: the signed-in member's own matches and requests. */
export const myMatchesRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members(),
  responds(200, matchList),
  async (c) => c.json(await listMyMatches({ ctx: tenantCtx(c) })),
);
