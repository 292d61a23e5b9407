import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type ApiEnvVars, apiEnvSchema, readEnv } from "../workers/shared/src/platform/env";
import { newSealKey } from "../workers/shared/src/platform/seal";
import { generateSigningKey } from "../workers/shared/src/security/access-tokens";
import { runningHostUrl } from "./address-file";

export interface HostConfig extends ApiEnvVars {
  dataDir: string;
  /** Where PUBLIC_URL came from, for the CLI to say which address its links use. */
  publicUrlFrom: "PUBLIC_URL" | "PORT" | "running host" | "default" | "listening";
  /** "true" when a reverse proxy in front sets X-Forwarded-For. */
  TRUST_PROXY?: string;
}

type DevSecrets = Pick<
  ApiEnvVars,
  "SIGNING_KEYS" | "OPERATOR_TOKEN" | "DB_TOKEN_KEY" | "PASSWORD_PEPPER"
>;

const randomSecret = () =>
  Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");

/**
 * Secrets for the embedded default, made on first run and kept in DATA_DIR (git-ignored),
 * so `npm start` needs no configuration. Environment variables win over the file.
 */
async function devSecrets(dataDir: string): Promise<DevSecrets> {
  const file = join(dataDir, "secrets.json");
  const stored: Partial<DevSecrets> = existsSync(file)
    ? JSON.parse(readFileSync(file, "utf8"))
    : {};
  // A data folder from an older version gains the secrets added since; existing ones stay.
  const secrets: DevSecrets = {
    SIGNING_KEYS:
      stored.SIGNING_KEYS ?? JSON.stringify([await generateSigningKey(`dev-${Date.now()}`)]),
    OPERATOR_TOKEN: stored.OPERATOR_TOKEN ?? randomSecret(),
    DB_TOKEN_KEY: stored.DB_TOKEN_KEY ?? newSealKey(),
    PASSWORD_PEPPER: stored.PASSWORD_PEPPER ?? randomSecret(),
  };
  if (Object.keys(stored).length !== Object.keys(secrets).length) {
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

/** Reads DATA_DIR, PORT-derived PUBLIC_URL and the secrets; validates them like the Worker does. */
export async function loadHostConfig(
  opts: { dataDir?: string; publicUrl?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<HostConfig> {
  const env = opts.env ?? process.env;
  const dataDir = resolve(opts.dataDir ?? env.DATA_DIR ?? "data");
  mkdirSync(join(dataDir, "tenants"), { recursive: true });
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const publicUrl = publicUrlOf(dataDir, opts.publicUrl, defined);
  const vars = readEnv(apiEnvSchema, {
    ...(await devSecrets(dataDir)),
    CONTROL_DB_URL: `file:${join(dataDir, "control.db")}`,
    PUBLIC_URL: publicUrl.url,
    ...defined,
  });
  return { ...vars, dataDir, publicUrlFrom: publicUrl.from };
}

/** PUBLIC_URL, else PORT, else the host running on this DATA_DIR, else the default port. */
function publicUrlOf(
  dataDir: string,
  listening: string | undefined,
  env: Record<string, string | undefined>,
): { url: string; from: HostConfig["publicUrlFrom"] } {
  if (env.PUBLIC_URL) return { url: env.PUBLIC_URL, from: "PUBLIC_URL" };
  if (listening) return { url: listening, from: "listening" };
  if (env.PORT) return { url: `http://localhost:${env.PORT}`, from: "PORT" };
  const running = runningHostUrl(dataDir);
  if (running) return { url: running, from: "running host" };
  return { url: "http://localhost:8787", from: "default" };
}
