import { Hono } from "hono";
import { programParam } from "../../../../shared/src/contracts/common/params";
import {
  programCoordinatorsInput,
  programCoordinatorsView,
} from "../../../../shared/src/contracts/stewardship/program-coordinators";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { getProgramCoordinators, setProgramCoordinators } from "./coordinators";

/**
 * Mounted at /v1/programs/:programId/coordinators. Choosing which admins read a program's
 * confidential records is choosing admins' powers, which `members:admin` already governs (it
 * can make anyone an admin): an integration needs that scope to change it.
 */
export const programCoordinatorsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.admins("programs:read"),
    validate("param", programParam),
    responds(200, programCoordinatorsView),
    async (c) =>
      c.json(await getProgramCoordinators({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .put(
    "/",
    allows.admins("members:admin"),
    validate("param", programParam),
    validate("json", programCoordinatorsInput),
    responds(200, programCoordinatorsView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await setProgramCoordinators({ ctx: tenantCtx(c), input }));
    },
  );
