import { Hono } from "hono";
import type { AppEnv } from "../../app-env";
import { confirmEmailChange, emailChangeConfirmInput } from "../../services/email-change";
import {
  confirmPasswordReset,
  passwordResetConfirmInput,
  passwordResetInput,
  requestPasswordReset,
} from "../../services/password-reset";
import { validate } from "../../validator";
import { afterResponse } from "../after-response";
import { orgCtx } from "../tenant-ctx";

/** What the links in Tandem's emails lead to: password reset and confirming a new address. */
export const emailLinkRoutes = new Hono<AppEnv>()
  .post("/password-reset", validate("json", passwordResetInput), (c) => {
    // The same answer, at the same speed, whether or not the account exists.
    const [ctx, input] = [orgCtx(c), c.req.valid("json")];
    afterResponse(c, "password reset email", () => requestPasswordReset({ ctx, input }));
    return c.body(null, 202);
  })
  .post("/password-reset/confirm", validate("json", passwordResetConfirmInput), async (c) => {
    await confirmPasswordReset({ ctx: orgCtx(c), input: c.req.valid("json") });
    return c.body(null, 204);
  })
  .post("/email-change/confirm", validate("json", emailChangeConfirmInput), async (c) => {
    await confirmEmailChange({ ctx: orgCtx(c), input: c.req.valid("json") });
    return c.body(null, 204);
  });
