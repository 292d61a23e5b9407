import { Hono } from "hono";
import { AppError } from "../../../../shared/src/errors";
import type { AppEnv } from "../../app-env";
import { login, loginInput } from "../../services/auth";
import { endSession, refreshSession } from "../../services/sessions";
import { validate } from "../../validator";
import { orgCtx } from "../tenant-ctx";
import {
  clearRefreshCookie,
  cookieRequestGuard,
  readRefreshCookie,
  sessionResponse,
} from "./refresh-cookie";

export const sessionRoutes = new Hono<AppEnv>()
  .post("/login", validate("json", loginInput), async (c) =>
    sessionResponse(c, await login({ ctx: orgCtx(c), input: c.req.valid("json") })),
  )
  .post("/refresh", cookieRequestGuard(), async (c) => {
    const refreshToken = readRefreshCookie(c);
    if (!refreshToken) throw new AppError("unauthorized", "No session to refresh; sign in.");
    return sessionResponse(c, await refreshSession({ ctx: orgCtx(c), input: { refreshToken } }));
  })
  .post("/logout", cookieRequestGuard(), async (c) => {
    const refreshToken = readRefreshCookie(c);
    if (refreshToken) await endSession({ ctx: orgCtx(c), input: { refreshToken } });
    clearRefreshCookie(c);
    return c.body(null, 204);
  });
