import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  AppError,
  type FieldError,
  type Problem,
  type ProblemCode,
} from "../../../shared/src/contracts/common/errors";
import { databaseFault } from "../../../shared/src/platform/db";
import { describeError, redact } from "../../../shared/src/platform/log";
import type { AppEnv } from "./app-env";

const titles: Record<ProblemCode, string> = {
  validation: "Invalid input",
  unauthorized: "Not authenticated",
  forbidden: "Not allowed",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  headers_too_large: "Request headers too large",
  internal: "Internal error",
  upstream_failed: "Upstream service failed",
  tenant_unavailable: "Organization temporarily unavailable",
  service_unavailable: "Service temporarily unavailable",
  schema_behind: "Organization is being upgraded",
  misconfigured: "Service misconfigured",
};

const httpCodes: Partial<Record<number, ProblemCode>> = {
  400: "validation",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

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
  // Set here, not by the requestId middleware: its header only reaches responses built by c.json.
  const headers = new Headers({
    "content-type": "application/problem+json",
    "x-request-id": requestId,
  });
  if (extra.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(extra.retryAfterSeconds));
  }
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * Only the "at …" frames of a stack: its first lines repeat the message unredacted (URLs,
 * drizzle's SQL and parameters), which `describeError` already reports safely.
 */
function stackFrames(err: Error): string | undefined {
  const frames = err.stack?.split("\n").filter((line) => /^\s+at /.test(line));
  return frames?.map((line) => redact(line.replace(/\bfile:\/\//g, ""))).join("\n");
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
  const tenant = c.get("tenant");
  const fault = tenant ? databaseFault(err) : null;
  if (tenant && fault) {
    c.get("log")?.warn("tenant database unavailable", {
      tenant: tenant.slug,
      reason: fault.reason,
      error: describeError(err),
    });
    // A lock is usually held for moments; an unreachable database takes longer to come back.
    return problemResponse(
      "tenant_unavailable",
      503,
      fault.kind === "busy"
        ? `The organization "${tenant.slug}" is busy right now; retry in a moment.`
        : `The organization "${tenant.slug}" cannot be reached right now; retry soon.`,
      requestId,
      { retryAfterSeconds: fault.kind === "busy" ? 1 : 5 },
    );
  }
  c.get("log")?.error("unhandled error", { error: describeError(err), stack: stackFrames(err) });
  return problemResponse("internal", 500, "Something went wrong on our side.", requestId);
}
