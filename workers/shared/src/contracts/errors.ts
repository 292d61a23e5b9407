/** The fixed set of problems Tandem reports; each maps to one HTTP status in one place. */
export const problemStatus = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  upstream_failed: 502,
  tenant_unavailable: 503,
  service_unavailable: 503,
  schema_behind: 503,
  misconfigured: 503,
} as const;

export type ProblemCode = keyof typeof problemStatus;

export interface FieldError {
  /** Dotted path into the input, e.g. "rules.meetings.frequencyDays". */
  field: string;
  message: string;
}

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
