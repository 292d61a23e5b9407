import { Hono } from "hono";
import {
  changePasswordInput,
  emailChangeInput,
  meView,
  updateMeInput,
} from "../../../../shared/src/contracts/me";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { credentials } from "./credentials";
import { requestEmailChange } from "./email-change";
import { changePassword, getMe, updateMe } from "./me";

export const meRoutes = new Hono<AppEnv>()
  .get("/", responds(200, meView), async (c) => c.json(await getMe({ ctx: tenantCtx(c) })))
  .patch("/", validate("json", updateMeInput), responds(200, meView), async (c) =>
    c.json(await updateMe({ ctx: tenantCtx(c), input: c.req.valid("json") })),
  )
  .post("/password", validate("json", changePasswordInput), responds(204), async (c) => {
    const input = c.req.valid("json");
    await changePassword({ ctx: tenantCtx(c), input, credentials: credentials(c) });
    return c.body(null, 204);
  })
  .post("/email", validate("json", emailChangeInput), responds(202), async (c) => {
    await requestEmailChange({
      ctx: tenantCtx(c),
      input: c.req.valid("json"),
      credentials: credentials(c),
    });
    return c.body(null, 202);
  });
