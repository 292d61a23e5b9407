import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type FieldError, type ProblemCode } from "../../shared/src/errors";
import { describeError } from "../../shared/src/log";
import type { AppEnv } from "./app-env";

const titles: Record<ProblemCode, string> = {
  validation: "Invalid input",
  unauthorized: "Not authenticated",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  internal: "Internal error",
  upstream_failed: "Upstream service failed",
  tenant_unavailable: "Organization temporarily unavailable",
  schema_behind: "Organization is being upgraded",
  misconfigured: "Service misconfigured",
};

const httpCodes: Partial<Record<number, ProblemCode>> = {
  400: "validation",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  requestId: string;
  errors?: FieldError[];
}

export function problemResponse(
  code: ProblemCode,
  status: number,
  detail: string,
  requestId: string,
  extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
): Response {
  const body: Problem = {
    type: `https://tandem.dev/problems/${code.replaceAll("_", "-")}`,
    title: titles[code],
    status,
    detail,
    code,
    requestId,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  const headers = new Headers({ "content-type": "application/problem+json" });
  if (extra.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(extra.retryAfterSeconds));
  }
  return new Response(JSON.stringify(body), { status, headers });
}

/** The one place errors become HTTP. Unknown errors are logged and answered generically. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.get("requestId") ?? "unknown";
  if (err instanceof AppError) {
    return problemResponse(err.code, err.status, err.message, requestId, err.extra);
  }
  if (err instanceof HTTPException) {
    const code = httpCodes[err.status] ?? "validation";
    return problemResponse(code, err.status as ContentfulStatusCode, err.message, requestId);
  }
  c.get("log")?.error("unhandled error", { error: describeError(err), stack: err.stack });
  return problemResponse("internal", 500, "Something went wrong on our side.", requestId);
}
