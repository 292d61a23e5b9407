import { Hono } from "hono";
import {
  changePasswordInput,
  emailChangeInput,
  meView,
  updateMeInput,
} from "../../../../shared/src/contracts/me";
import { allows } from "../../http/access";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { tenantCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { credentials } from "./credentials";
import { requestEmailChange } from "./email-change";
import { changePassword, getMe, updateMe } from "./me";

export const meRoutes = new Hono<AppEnv>()
  .get("/", allows.members(), responds(200, meView), async (c) =>
    c.json(await getMe({ ctx: tenantCtx(c) })),
  )
  .patch("/", allows.members(), validate("json", updateMeInput), responds(200, meView), async (c) =>
    c.json(await updateMe({ ctx: tenantCtx(c), input: c.req.valid("json") })),
  )
  .post(
    "/password",
    allows.members(),
    validate("json", changePasswordInput),
    responds(204),
    async (c) => {
      const input = c.req.valid("json");
      await changePassword({ ctx: tenantCtx(c), input, credentials: credentials(c) });
      return c.body(null, 204);
    },
  )
  .post(
    "/email",
    allows.members(),
    validate("json", emailChangeInput),
    responds(202),
    async (c) => {
      await requestEmailChange({
        ctx: tenantCtx(c),
        input: c.req.valid("json"),
        credentials: credentials(c),
      });
      return c.body(null, 202);
    },
  );
