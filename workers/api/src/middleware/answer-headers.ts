import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/app-env";
import { securityHeaders } from "../http/security-headers";

const requestIdHeader = "x-request-id";
/** A caller's id is echoed only if it is short and plain, as Hono's requestId middleware does. */
const acceptableRequestId = /^[\w\-=]{1,255}$/;

/**
 * Gives the request its id (the caller's `x-request-id`, or a new one) and puts on every
 * answer the headers each one carries: that id and the security headers. The platform
 * attaches them (`setAnswerHeaders`), so the Node host can write them without fetch `Headers`.
 */
export function answerHeaders(): MiddlewareHandler<AppEnv> {
  return async function answerHeaders(c, next) {
    const sent = c.req.header(requestIdHeader);
    const requestId = sent && acceptableRequestId.test(sent) ? sent : crypto.randomUUID();
    c.set("requestId", requestId);
    await next();
    const platform = c.get("platform");
    platform.setAnswerHeaders(c.res, c.env, securityHeaders);
    platform.setAnswerHeaders(c.res, c.env, { [requestIdHeader]: requestId });
  };
}
