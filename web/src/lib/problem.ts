import type { FieldError } from "../../../workers/shared/src/contracts/common/errors";

/** An `application/problem+json` answer (or a network failure) as an Error the UI can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The first message for a form field, if the API named that field. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function readErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    field: typeof e.field === "string" ? e.field : "",
    message: typeof e.message === "string" ? e.message : "Invalid value.",
  }));
}

/**
 * The rows an all-or-nothing bulk call was refused for: its 400 names each as a path into the
 * body, `rows.<index>.<field>`, indexes counting from 0; rows here count from 1.
 */
export function rowErrorsOf(err: ApiError): { row: number; message: string }[] {
  return err.errors.flatMap((e) => {
    const match = /^rows\.(\d+)/.exec(e.field);
    return match ? [{ row: Number(match[1]) + 1, message: e.message }] : [];
  });
}

export async function problemFrom(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get("retry-after"));
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall back to the status line.
  }
  const problem = isRecord(body) ? body : {};
  const detail = typeof problem.detail === "string" ? problem.detail : undefined;
  const title = typeof problem.title === "string" ? problem.title : undefined;
  return new ApiError(
    res.status,
    typeof problem.code === "string" ? problem.code : `http_${res.status}`,
    detail ?? title ?? `The server answered ${res.status} ${res.statusText}.`.trim(),
    readErrors(problem.errors),
    retryAfter,
  );
}

export const networkError = () =>
  new ApiError(0, "network", "Tandem could not be reached. Check your connection and try again.");

/** "2 minutes", "45 seconds": for messages built from Retry-After. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** A message for anything caught around an API call. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429 && err.retryAfterSeconds !== null) {
      return `Too many attempts. Try again in ${describeWait(err.retryAfterSeconds)}.`;
    }
    return err.message;
  }
  return err instanceof Error ? err.message : "Something went wrong.";
}
