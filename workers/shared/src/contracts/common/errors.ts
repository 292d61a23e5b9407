import * as v from "valibot";

/** The fixed set of problems Tandem reports; each maps to one HTTP status in one place. */
export const problemCodes = [
  "validation",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "headers_too_large",
  "internal",
  "upstream_failed",
  "tenant_unavailable",
  "service_unavailable",
  "schema_behind",
  "misconfigured",
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const problemStatus = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  upstream_failed: 502,
  tenant_unavailable: 503,
  service_unavailable: 503,
  schema_behind: 503,
  misconfigured: 503,
} as const satisfies Record<ProblemCode, number>;

export const fieldError = v.object({
  field: v.pipe(
    v.string(),
    v.description('Dotted path into the input, e.g. "rules.meetings.frequencyDays"; "" for all.'),
  ),
  message: v.string(),
});
export type FieldError = v.InferOutput<typeof fieldError>;

/** How every error of the API is answered, as application/problem+json. */
export const problem = v.pipe(
  v.object({
    type: v.pipe(v.string(), v.url(), v.examples(["https://tandem.dev/problems/validation"])),
    title: v.pipe(v.string(), v.examples(["Invalid input"])),
    status: v.pipe(v.number(), v.integer(), v.examples([400])),
    detail: v.pipe(v.string(), v.description("What is wrong, for people.")),
    code: v.pipe(v.picklist(problemCodes), v.description("What is wrong, for programs.")),
    requestId: v.pipe(v.string(), v.description("Also in the x-request-id header.")),
    errors: v.optional(
      v.pipe(
        v.array(fieldError),
        v.description("Invalid input only: one entry per field that is wrong."),
      ),
    ),
  }),
  v.description("RFC 9457 problem details, as every error of the API is answered."),
);
export type Problem = v.InferOutput<typeof problem>;

/**
 * A failure a caller can act on. Services throw it; the API turns it into problem+json,
 * the CLI prints its message. The message is shown to users, so it names what is wrong
 * and never carries secrets or connection URLs.
 */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return problemStatus[this.code];
  }
}
