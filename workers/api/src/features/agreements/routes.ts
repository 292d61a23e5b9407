import { Hono } from "hono";
import {
  acknowledgeInput,
  agreementParam,
  agreementVersionList,
  agreementVersionParam,
  agreementView,
  myAgreementInput,
} from "../../../../shared/src/contracts/relationship/agreements";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { acknowledgeAgreement } from "./acknowledge";
import { getAgreement, getAgreementVersion, listAgreementVersions } from "./read";
import { saveMyAgreement } from "./save";

/** Mounted at /v1/matches/:matchId/agreement: the pair reads and writes, coordinators read. */
export const agreementRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("agreements:read"),
    validate("param", agreementParam),
    responds(200, agreementView),
    async (c) => c.json(await getAgreement({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .put(
    "/mine",
    allows.members(),
    validate("param", agreementParam),
    validate("json", myAgreementInput),
    responds(200, agreementView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await saveMyAgreement({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/acknowledge",
    allows.members(),
    validate("param", agreementParam),
    validate("json", acknowledgeInput),
    responds(200, agreementView),
    async (c) => {
      const input = { ...c.req.valid("param"), ...c.req.valid("json") };
      return c.json(await acknowledgeAgreement({ ctx: tenantCtx(c), input }));
    },
  )
  .get(
    "/versions",
    allows.members("agreements:read"),
    validate("param", agreementParam),
    responds(200, agreementVersionList),
    async (c) =>
      c.json(await listAgreementVersions({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .get(
    "/versions/:version",
    allows.members("agreements:read"),
    validate("param", agreementVersionParam),
    responds(200, agreementView),
    async (c) =>
      c.json(await getAgreementVersion({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  );
