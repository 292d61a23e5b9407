import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import { pairParam } from "../../../../shared/src/contracts/relationship/commitments";
import {
  overduePairs,
  supportContactInput,
  supportContactView,
  supportLog,
} from "../../../../shared/src/contracts/stewardship/support";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { listSupportContacts, logSupportContact } from "./log";
import { listOverduePairs } from "./overdue";

/**
 * Mounted at /v1/matches/:matchId/support-contacts. Admins only, signed in: coordinators'
 * notes on a pair are not for integrations.
 */
export const supportContactsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("support:manage"),
    validate("param", pairParam),
    responds(200, supportLog),
    async (c) =>
      c.json(await listSupportContacts({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/",
    allows.admins("support:manage"),
    validate("param", pairParam),
    validate("json", supportContactInput),
    responds(201, supportContactView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await logSupportContact({ ctx: tenantCtx(c), input }), 201);
    },
  );

/** Mounted at /v1/programs/:programId/support. */
export const programSupportRoutes = new Hono<AppEnv>().get(
  "/overdue",
  allows.admins("support:manage"),
  validate("param", programParam),
  responds(200, overduePairs),
  async (c) => c.json(await listOverduePairs({ ctx: tenantCtx(c), input: c.req.valid("param") })),
);
