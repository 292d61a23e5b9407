import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { credentials } from "./credentials";
import { emailChangeInput, requestEmailChange } from "./email-change";
import { changePassword, changePasswordInput, getMe, updateMe, updateMeInput } from "./me";

export const meRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await getMe({ ctx: tenantCtx(c) })))
  .patch("/", validate("json", updateMeInput), async (c) =>
    c.json(await updateMe({ ctx: tenantCtx(c), input: c.req.valid("json") })),
  )
  .post("/password", validate("json", changePasswordInput), async (c) => {
    const input = c.req.valid("json");
    await changePassword({ ctx: tenantCtx(c), input, credentials: credentials(c) });
    return c.body(null, 204);
  })
  .post("/email", validate("json", emailChangeInput), async (c) => {
    await requestEmailChange({
      ctx: tenantCtx(c),
      input: c.req.valid("json"),
      credentials: credentials(c),
    });
    return c.body(null, 202);
  });
