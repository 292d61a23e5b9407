import type { MiddlewareHandler } from "hono";
import type { LogFields, Logger } from "../../../shared/src/platform/log";
import type { Platform } from "../../../shared/src/platform/platform";
import type { AppEnv } from "../http/app-env";
import { isApiPath } from "../http/no-route";
import { apiSecurityHeaders, pageSecurityHeaders } from "../http/security-headers";

const requestIdHeader = "x-request-id";
/** A caller's id is echoed only if it is short and plain, as Hono's requestId middleware does. */
const acceptableRequestId = /^[\w\-=]{1,255}$/;

/**
 * The platform's logger with the request id added to every line. A class rather than three
 * closures per request: it is built on every request, the hottest path there is.
 */
class RequestLogger implements Logger {
  constructor(
    private readonly log: Logger,
    private readonly requestId: string,
  ) {}

  info(msg: string, fields?: LogFields): void {
    this.log.info(msg, { requestId: this.requestId, ...fields });
  }

  warn(msg: string, fields?: LogFields): void {
    this.log.warn(msg, { requestId: this.requestId, ...fields });
  }

  error(msg: string, fields?: LogFields): void {
    this.log.error(msg, { requestId: this.requestId, ...fields });
  }
}

/**
 * What every request gets first, before any route: the platform; an id (the caller's
 * `x-request-id`, or a new one) and a logger bound to it. When the answer is ready it gets the
 * headers every answer carries (that id, and the security headers of an API answer or of the
 * web client's page) and the request its one log line. Paths are logged without query
 * strings, which may carry tokens (invitation links). The platform attaches the headers
 * (`setAnswerHeaders`), so the Node host can write them without fetch `Headers`. One
 * middleware rather than one per concern: each layer of Hono's chain is another promise on
 * every request, /healthz included.
 */
export function requestFrame(platform: Platform): MiddlewareHandler<AppEnv> {
  return async function requestFrame(c, next) {
    const started = Date.now();
    const sent = c.req.header(requestIdHeader);
    const requestId = sent && acceptableRequestId.test(sent) ? sent : crypto.randomUUID();
    c.set("platform", platform);
    c.set("requestId", requestId);
    c.set("log", new RequestLogger(platform.log, requestId));
    await next();
    const path = c.req.path;
    platform.log.info("request", {
      requestId,
      method: c.req.method,
      path,
      status: c.res.status,
      ms: Date.now() - started,
      tenant: c.get("tenant")?.slug,
    });
    const securityHeaders = isApiPath(path) ? apiSecurityHeaders : pageSecurityHeaders;
    platform.setAnswerHeaders(c.res, c.env, securityHeaders);
    platform.setAnswerHeaders(c.res, c.env, { [requestIdHeader]: requestId });
  };
}
