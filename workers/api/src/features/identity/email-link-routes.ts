import { Hono } from "hono";
import {
  emailChangeConfirmInput,
  passwordResetConfirmInput,
  passwordResetInput,
} from "../../../../shared/src/contracts/identity";
import { afterResponse } from "../../http/after-response";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { orgCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { requestDelivery } from "../outbox";
import { credentials } from "./credentials";
import { confirmEmailChange } from "./email-change";
import { confirmPasswordReset, requestPasswordReset } from "./password-reset";

/** What the links in Tandem's emails lead to: password reset and confirming a new address. */
export const emailLinkRoutes = new Hono<AppEnv>()
  .post("/password-reset", validate("json", passwordResetInput), responds(202), (c) => {
    // The same answer, at the same speed, whether or not the account exists.
    const [ctx, input] = [orgCtx(c), c.req.valid("json")];
    afterResponse(c, "password reset email", async () => {
      const queued = await requestPasswordReset({ ctx, input });
      if (queued) await requestDelivery(c.get("platform"), ctx.tenant.id);
    });
    return c.body(null, 202);
  })
  .post(
    "/password-reset/confirm",
    validate("json", passwordResetConfirmInput),
    responds(204),
    async (c) => {
      await confirmPasswordReset({
        ctx: orgCtx(c),
        input: c.req.valid("json"),
        credentials: credentials(c),
      });
      return c.body(null, 204);
    },
  )
  .post(
    "/email-change/confirm",
    validate("json", emailChangeConfirmInput),
    responds(204),
    async (c) => {
      await confirmEmailChange({ ctx: orgCtx(c), input: c.req.valid("json") });
      return c.body(null, 204);
    },
  );
