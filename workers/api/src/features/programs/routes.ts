import { Hono } from "hono";
import { idParam } from "../../../../shared/src/contracts/common/params";
import {
  programCopyInput,
  programCreateInput,
  programPage,
  programQuery,
  programTemplateList,
  programUpdateInput,
  programView,
  rulesChangeInput,
  rulesPreview,
  rulesPreviewInput,
  ruleVersionList,
  statusChangeInput,
} from "../../../../shared/src/contracts/programs";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { copyProgram, createProgram } from "./create";
import { getProgram, listPrograms } from "./queries";
import { changeRules, listRuleVersions, previewRules } from "./rules";
import { listProgramTemplates } from "./templates";
import { changeProgramStatus, updateProgram } from "./update";

export const programTemplatesRoutes = new Hono<AppEnv>().get(
  "/",
  allows.members("programs:read"),
  responds(200, programTemplateList),
  (c) => c.json(listProgramTemplates({ ctx: tenantCtx(c) })),
);

export const programsRoutes = new Hono<AppEnv>()
  .get(
    "/",
    allows.members("programs:read"),
    validate("query", programQuery),
    responds(200, programPage),
    async (c) => c.json(await listPrograms({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .post(
    "/",
    allows.admins("programs:write"),
    validate("json", programCreateInput),
    responds(201, programView),
    async (c) =>
      c.json(await createProgram({ ctx: tenantCtx(c), input: c.req.valid("json") }), 201),
  )
  .get(
    "/:id",
    allows.members("programs:read"),
    validate("param", idParam),
    responds(200, programView),
    async (c) => c.json(await getProgram({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .patch(
    "/:id",
    allows.admins("programs:write"),
    validate("param", idParam),
    validate("json", programUpdateInput),
    responds(200, programView),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await updateProgram({ ctx: tenantCtx(c), input }));
    },
  )
  .put(
    "/:id/rules",
    allows.admins("programs:write"),
    validate("param", idParam),
    validate("json", rulesChangeInput),
    responds(200, programView),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await changeRules({ ctx: tenantCtx(c), input }));
    },
  )
  .get(
    "/:id/rules/versions",
    allows.admins("programs:read"),
    validate("param", idParam),
    responds(200, ruleVersionList),
    async (c) => c.json(await listRuleVersions({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:id/rules/preview",
    allows.admins("programs:write"),
    validate("param", idParam),
    validate("json", rulesPreviewInput),
    responds(200, rulesPreview),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await previewRules({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:id/status",
    allows.admins("programs:write"),
    validate("param", idParam),
    validate("json", statusChangeInput),
    responds(200, programView),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await changeProgramStatus({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:id/copy",
    allows.admins("programs:write"),
    validate("param", idParam),
    validate("json", programCopyInput),
    responds(201, programView),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await copyProgram({ ctx: tenantCtx(c), input }), 201);
    },
  );
