import { Hono } from "hono";
import { decodeJwt } from "jose";
import type { AppEnv } from "../../http/app-env";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { bearerToken } from "../../middleware/tenant-context";
import { deliverAfterResponse } from "../outbox";
import { emailChangeInput, requestEmailChange } from "./email-change";
import { changePassword, changePasswordInput, getMe, updateMe, updateMeInput } from "./me";

/** The sign-in behind this request: tenantContext has verified the token already. */
function currentSessionId(authorization: string | undefined): string | undefined {
  const token = bearerToken(authorization);
  const sid = token ? decodeJwt(token).sid : undefined;
  return typeof sid === "string" ? sid : undefined;
}

export const meRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await getMe({ ctx: tenantCtx(c) })))
  .patch("/", validate("json", updateMeInput), async (c) =>
    c.json(await updateMe({ ctx: tenantCtx(c), input: c.req.valid("json") })),
  )
  .post("/password", validate("json", changePasswordInput), async (c) => {
    const sessionId = currentSessionId(c.req.header("authorization"));
    await changePassword({ ctx: tenantCtx(c), input: { ...c.req.valid("json"), sessionId } });
    return c.body(null, 204);
  })
  .post("/email", deliverAfterResponse(), validate("json", emailChangeInput), async (c) => {
    await requestEmailChange({ ctx: tenantCtx(c), input: c.req.valid("json") });
    return c.body(null, 202);
  });
