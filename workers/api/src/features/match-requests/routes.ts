import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  choicesBoard,
  choicesInput,
  matchList,
  matchRunView,
  matchView,
  myChoicesView,
  myMatchParam,
  mySuggestionsQuery,
  suggestionList,
} from "../../../../shared/src/contracts/matches";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { acceptRequest, declineRequest, listMyRequests } from "./answers";
import { listChoices } from "./board";
import { chooseMentors, getMyChoices, withdrawChoices } from "./choices";
import { resolveStable } from "./stable";
import { mySuggestions } from "./suggestions";

/**
 * Mounted at /v1/me: a mentee's suggestions and choices in a program, and the requests
 * waiting for the signed-in mentor's answer.
 */
export const myMatchRequestsRoutes = new Hono<AppEnv>()
  .get(
    "/programs/:programId/suggestions",
    allows.members(),
    validate("param", programParam),
    validate("query", mySuggestionsQuery),
    responds(200, suggestionList),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await mySuggestions({ ctx: tenantCtx(c), input }));
    },
  )
  .get(
    "/programs/:programId/choices",
    allows.members(),
    validate("param", programParam),
    responds(200, myChoicesView),
    async (c) => c.json(await getMyChoices({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .put(
    "/programs/:programId/choices",
    allows.members(),
    validate("param", programParam),
    validate("json", choicesInput),
    responds(200, myChoicesView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await chooseMentors({ ctx: tenantCtx(c), input }));
    },
  )
  .delete(
    "/programs/:programId/choices",
    allows.members(),
    validate("param", programParam),
    responds(200, myChoicesView),
    async (c) => c.json(await withdrawChoices({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .get("/match-requests", allows.members(), responds(200, matchList), async (c) =>
    c.json(await listMyRequests({ ctx: tenantCtx(c) })),
  )
  .post(
    "/match-requests/:matchId/accept",
    allows.members(),
    validate("param", myMatchParam),
    responds(200, matchView),
    async (c) => c.json(await acceptRequest({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/match-requests/:matchId/decline",
    allows.members(),
    validate("param", myMatchParam),
    responds(200, matchView),
    async (c) => c.json(await declineRequest({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );

/** Mounted at /v1/programs/:programId/match-requests: the coordinator's side of choosing. */
export const matchRequestsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("matches:read"),
    validate("param", programParam),
    responds(200, choicesBoard),
    async (c) => c.json(await listChoices({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/stable",
    allows.admins("matches:write"),
    validate("param", programParam),
    responds(201, matchRunView),
    async (c) =>
      c.json(await resolveStable({ ctx: tenantCtx(c), input: c.req.valid("param") }), 201),
  );
