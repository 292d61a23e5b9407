import * as v from "valibot";

const url = (name: string) =>
  v.pipe(v.string(`${name} is required.`), v.url(`${name} must be a URL.`));
const secret = (name: string, min: number) =>
  v.pipe(
    v.string(`${name} is required.`),
    v.minLength(min, `${name} must be at least ${min} characters.`),
  );
const optionalText = (name: string) =>
  v.optional(
    v.pipe(v.string(`${name} must be text.`), v.minLength(1, `${name} must not be empty.`)),
  );

const controlDb = {
  CONTROL_DB_URL: url("CONTROL_DB_URL"),
  CONTROL_DB_TOKEN: optionalText("CONTROL_DB_TOKEN"),
  DB_TOKEN_KEY: v.pipe(
    v.string("DB_TOKEN_KEY is required."),
    v.base64("DB_TOKEN_KEY must be base64."),
    v.length(44, "DB_TOKEN_KEY must encode 32 bytes (44 base64 characters)."),
  ),
};

/** The email provider: read by whatever delivers the outbox (scheduler Worker, Node host). */
const mail = {
  MAIL_API_URL: v.optional(url("MAIL_API_URL")),
  MAIL_API_KEY: optionalText("MAIL_API_KEY"),
  MAIL_FROM: optionalText("MAIL_FROM"),
};

/** Everything the API Worker reads from its environment, checked once per isolate. */
export const apiEnvSchema = v.looseObject({
  ...controlDb,
  PUBLIC_URL: url("PUBLIC_URL"),
  SIGNING_KEYS: secret("SIGNING_KEYS", 2),
  OPERATOR_TOKEN: secret("OPERATOR_TOKEN", 32),
  PASSWORD_PEPPER: secret("PASSWORD_PEPPER", 32),
  ...mail,
  JWKS_HOST_ALLOWLIST: v.optional(v.string()),
  /** "true" lets admins add http://localhost and 127.0.0.1 webhook targets: dev and tests only. */
  WEBHOOK_ALLOW_LOCAL: v.optional(
    v.picklist(["true", "false"], 'WEBHOOK_ALLOW_LOCAL must be "true" or "false".'),
  ),
  TURSO_API_URL: v.optional(url("TURSO_API_URL")),
  TURSO_ORG: optionalText("TURSO_ORG"),
  TURSO_GROUP: optionalText("TURSO_GROUP"),
  TURSO_API_TOKEN: optionalText("TURSO_API_TOKEN"),
});

/** The scheduler Worker's: PUBLIC_URL is where the links in the emails it writes point. */
export const schedulerEnvSchema = v.looseObject({
  ...controlDb,
  PUBLIC_URL: url("PUBLIC_URL"),
  ...mail,
});

export type ApiEnvVars = v.InferOutput<typeof apiEnvSchema>;
export type SchedulerEnvVars = v.InferOutput<typeof schedulerEnvSchema>;

/** Parses an environment or throws one message naming every variable that is wrong. */
export function readEnv<S extends v.GenericSchema>(schema: S, env: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, env);
  if (result.success) return result.output;
  // A missing key gets valibot's generic message; name the variable plainly instead.
  const problems = result.issues.map((i) =>
    i.input === undefined && i.path?.length ? `${v.getDotPath(i)} is required.` : i.message,
  );
  throw new Error(`Invalid environment: ${[...new Set(problems)].join(" ")}`);
}
