import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { AppEnv } from "../../http/app-env";
import { type IssuedSession, refreshTokenTtlSeconds } from "./sessions";

/**
 * The refresh token lives only in an HttpOnly cookie scoped to the organization's auth routes,
 * so scripts never see it and other organizations' paths never receive it.
 */
export const refreshCookieName = "tandem_refresh";

function cookieOptions(c: Context<AppEnv>) {
  return {
    httpOnly: true,
    secure: true,
    sameSite: "Strict" as const,
    path: `/v1/orgs/${c.get("tenant").slug}/auth`,
  };
}

export function readRefreshCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, refreshCookieName) || undefined;
}

/** Answers with the session body and its refresh cookie; tokens must never be cached. */
export function sessionResponse(c: Context<AppEnv>, issued: IssuedSession) {
  setCookie(c, refreshCookieName, issued.refreshToken, {
    ...cookieOptions(c),
    maxAge: refreshTokenTtlSeconds,
  });
  c.header("cache-control", "no-store");
  return c.json(issued.session);
}

export function clearRefreshCookie(c: Context<AppEnv>): void {
  deleteCookie(c, refreshCookieName, cookieOptions(c));
}

/**
 * Routes that act on the cookie alone would act for any site the browser visits. Browsers
 * cannot send `application/json` cross-site without a CORS preflight (which Tandem never
 * grants), and they name the page's origin in `Origin`: both must point at Tandem itself.
 */
export function cookieRequestGuard(): MiddlewareHandler<AppEnv> {
  return async function cookieRequestGuard(c, next) {
    const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") {
      throw new AppError("unsupported_media_type", "Send this request as application/json.");
    }
    const origin = c.req.header("origin");
    if (origin !== undefined && origin !== new URL(c.get("platform").publicUrl).origin) {
      throw new AppError("forbidden", "Requests from other sites may not use this session.");
    }
    await next();
  };
}
