import { Hono } from "hono";
import * as v from "valibot";
import {
  programCopyInput,
  programCreateInput,
  programStatus,
  programUpdateInput,
  rulesChangeInput,
  rulesPreviewInput,
  statusChangeInput,
} from "../../../../shared/src/contracts/programs";
import type { AppEnv } from "../../http/app-env";
import { pageQuery } from "../../http/pagination";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { copyProgram, createProgram } from "./create";
import { getProgram, listPrograms } from "./queries";
import { changeRules, listRuleVersions, previewRules } from "./rules";
import { listProgramTemplates } from "./templates";
import { changeProgramStatus, updateProgram } from "./update";

const programQuery = v.object({ ...pageQuery.entries, status: v.optional(programStatus) });
const idParam = v.object({ id: v.pipe(v.string(), v.maxLength(100, "id is too long.")) });

export const programTemplatesRoutes = new Hono<AppEnv>().get("/", (c) =>
  c.json(listProgramTemplates({ ctx: tenantCtx(c) })),
);

export const programsRoutes = new Hono<AppEnv>()
  .get("/", validate("query", programQuery), async (c) =>
    c.json(await listPrograms({ ctx: tenantCtx(c), input: c.req.valid("query") })),
  )
  .post("/", validate("json", programCreateInput), async (c) =>
    c.json(await createProgram({ ctx: tenantCtx(c), input: c.req.valid("json") }), 201),
  )
  .get("/:id", validate("param", idParam), async (c) =>
    c.json(await getProgram({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .patch("/:id", validate("param", idParam), validate("json", programUpdateInput), async (c) => {
    const input = { ...c.req.valid("json"), ...c.req.valid("param") };
    return c.json(await updateProgram({ ctx: tenantCtx(c), input }));
  })
  .put("/:id/rules", validate("param", idParam), validate("json", rulesChangeInput), async (c) => {
    const input = { ...c.req.valid("json"), ...c.req.valid("param") };
    return c.json(await changeRules({ ctx: tenantCtx(c), input }));
  })
  .get("/:id/rules/versions", validate("param", idParam), async (c) =>
    c.json(await listRuleVersions({ ctx: tenantCtx(c), input: c.req.valid("param") })),
  )
  .post(
    "/:id/rules/preview",
    validate("param", idParam),
    validate("json", rulesPreviewInput),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await previewRules({ ctx: tenantCtx(c), input }));
    },
  )
  .post(
    "/:id/status",
    validate("param", idParam),
    validate("json", statusChangeInput),
    async (c) => {
      const input = { ...c.req.valid("json"), ...c.req.valid("param") };
      return c.json(await changeProgramStatus({ ctx: tenantCtx(c), input }));
    },
  )
  .post("/:id/copy", validate("param", idParam), validate("json", programCopyInput), async (c) => {
    const input = { ...c.req.valid("json"), ...c.req.valid("param") };
    return c.json(await copyProgram({ ctx: tenantCtx(c), input }), 201);
  });
