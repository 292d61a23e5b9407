import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  approveInput,
  matchingBoard,
  matchRunView,
  pairInput,
  pinInput,
  pinList,
  pinView,
  runInput,
  runParam,
  suggestionList,
  suggestionsQuery,
  swapPairInput,
} from "../../../../shared/src/contracts/matches";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { approveRun, discardRun } from "./approve";
import { getBoard } from "./board";
import { listPins, removePin, setPin } from "./pins";
import { getRun, startRun } from "./runs";
import { getSuggestions } from "./suggestions";
import { swapProposals } from "./swap";

/**
 * Mounted at /v1/programs/:programId/matching: the coordinator's matching of a program, by hand
 * with suggestions, or by a whole-cohort run they edit and approve.
 */
export const matchingRoutes = new Hono<AppEnv>()
  .get(
    "/suggestions",
    allows.admins("matches:read"),
    validate("param", programParam),
    validate("query", suggestionsQuery),
    responds(200, suggestionList),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      return c.json(await getSuggestions({ ctx: tenantCtx(c), input }));
    },
  )
  .get(
    "/board",
    allows.admins("matches:read"),
    validate("param", programParam),
    responds(200, matchingBoard),
    async (c) => c.json(await getBoard({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .get(
    "/pins",
    allows.admins("matches:read"),
    validate("param", programParam),
    responds(200, pinList),
    async (c) => c.json(await listPins({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .put(
    "/pins",
    allows.admins("matches:write"),
    validate("param", programParam),
    validate("json", pinInput),
    responds(200, pinView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await setPin({ ctx: tenantCtx(c), input }));
    },
  )
  .delete(
    "/pins",
    allows.admins("matches:write"),
    validate("param", programParam),
    validate("query", pairInput),
    responds(204),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("query") };
      await removePin({ ctx: tenantCtx(c), input });
      return c.body(null, 204);
    },
  )
  .post(
    "/runs",
    allows.admins("matches:write"),
    validate("param", programParam),
    validate("json", runInput),
    responds(201, matchRunView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await startRun({ ctx: tenantCtx(c), input }), 201);
    },
  )
  .get(
    "/runs/:runId",
    allows.admins("matches:read"),
    validate("param", runParam),
    responds(200, matchRunView),
    async (c) => c.json(await getRun({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/runs/:runId/swap",
    allows.admins("matches:write"),
    validate("param", runParam),
    validate("json", swapPairInput),
    responds(200, matchRunView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await swapProposals({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/runs/:runId/approve",
    allows.admins("matches:write"),
    validate("param", runParam),
    validate("json", approveInput),
    responds(200, matchRunView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await approveRun({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/runs/:runId/discard",
    allows.admins("matches:write"),
    validate("param", runParam),
    responds(200, matchRunView),
    async (c) => c.json(await discardRun({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );
