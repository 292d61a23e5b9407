import { Hono } from "hono";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import { loginInput, sessionAnswer } from "../../../../shared/src/contracts/identity";
import type { AppEnv } from "../../http/app-env";
import { responds } from "../../http/responds";
import { orgCtx } from "../../http/service-context";
import { validate } from "../../http/validator";
import { credentials } from "./credentials";
import {
  clearRefreshCookie,
  cookieRequestGuard,
  readRefreshCookie,
  sessionResponse,
} from "./refresh-cookie";
import { endSession, refreshSession } from "./sessions";
import { login } from "./sign-in";

export const sessionRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginInput), responds(200, sessionAnswer), async (c) =>
    sessionResponse(
      c,
      await login({ ctx: orgCtx(c), input: c.req.valid("json"), credentials: credentials(c) }),
    ),
  )
  .post("/refresh", cookieRequestGuard(), responds(200, sessionAnswer), async (c) => {
    const refreshToken = readRefreshCookie(c);
    if (!refreshToken) throw new AppError("unauthorized", "No session to refresh; sign in.");
    return sessionResponse(
      c,
      await refreshSession({
        ctx: orgCtx(c),
        input: { refreshToken },
        credentials: credentials(c),
      }),
    );
  })
  .post("/logout", cookieRequestGuard(), responds(204), async (c) => {
    const refreshToken = readRefreshCookie(c);
    if (refreshToken) await endSession({ ctx: orgCtx(c), input: { refreshToken } });
    clearRefreshCookie(c);
    return c.body(null, 204);
  });
