import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app-env";

/**
 * Gives the request a logger bound to its id and writes one line when it ends. Paths are
 * logged without query strings, which may carry tokens (invitation links, for one).
 */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = Date.now();
    const platformLog = c.get("platform").log;
    const requestId = c.get("requestId");
    const bind = (fields?: Record<string, unknown>) => ({ requestId, ...fields });
    c.set("clientIp", c.get("platform").clientIp(c.req.raw, c.env));
    c.set("log", {
      info: (msg, fields) => platformLog.info(msg, bind(fields)),
      warn: (msg, fields) => platformLog.warn(msg, bind(fields)),
      error: (msg, fields) => platformLog.error(msg, bind(fields)),
    });
    await next();
    platformLog.info("request", {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
      tenant: c.get("tenant")?.slug,
    });
  };
}
