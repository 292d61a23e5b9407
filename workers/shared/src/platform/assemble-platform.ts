import { loadSigningKeys } from "../security/access-tokens";
import { TenantDirectory } from "../tenancy/tenant-directory";
import { BackgroundTasks } from "./background";
import type { ConnectDb, ControlDb } from "./db";
import type { ApiEnvVars } from "./env";
import type { Logger } from "./log";
import type { MailTransport } from "./mail";
import { HttpMailTransport, unconfiguredMail } from "./mail-http";
import type { Platform, SweepQueue } from "./platform";
import { TenantConnections } from "./tenant-connections";
import { TursoProvisioner } from "./turso-provisioner";

/** Turso's Platform API when all its settings are present; otherwise none. */
export function tursoFromEnv(vars: ApiEnvVars): TursoProvisioner | null {
  if (!(vars.TURSO_ORG && vars.TURSO_GROUP && vars.TURSO_API_TOKEN)) return null;
  return new TursoProvisioner({
    organization: vars.TURSO_ORG,
    group: vars.TURSO_GROUP,
    apiToken: vars.TURSO_API_TOKEN,
    ...(vars.TURSO_API_URL ? { apiUrl: vars.TURSO_API_URL } : {}),
  });
}

/** Email through the configured provider, or a transport that refuses clearly. */
export function mailFromEnv(
  vars: Pick<ApiEnvVars, "MAIL_API_URL" | "MAIL_API_KEY" | "MAIL_FROM">,
): MailTransport {
  if (!(vars.MAIL_API_URL && vars.MAIL_API_KEY && vars.MAIL_FROM)) return unconfiguredMail;
  return new HttpMailTransport({
    apiUrl: vars.MAIL_API_URL,
    apiKey: vars.MAIL_API_KEY,
    from: vars.MAIL_FROM,
  });
}

/** The answer's own `Headers`, as every fetch runtime has them. */
export function setOnResponse(
  response: Response,
  _env: unknown,
  headers: Readonly<Record<string, string>>,
): void {
  for (const name in headers) {
    if (!response.headers.has(name)) response.headers.set(name, headers[name]!);
  }
}

/** The one place a Platform is put together; each host supplies what differs. */
export async function assemblePlatform<P extends Platform["provisioner"]>(
  vars: ApiEnvVars,
  parts: {
    control: ControlDb;
    connect: ConnectDb;
    provisioner: P;
    sweeps: SweepQueue;
    log: Logger;
    mail: MailTransport;
    clientIp: Platform["clientIp"];
    setAnswerHeaders?: Platform["setAnswerHeaders"];
  },
): Promise<Platform & { provisioner: P }> {
  return {
    setAnswerHeaders: setOnResponse,
    ...parts,
    tenants: new TenantDirectory(parts.control),
    connections: new TenantConnections(parts.connect, vars.DB_TOKEN_KEY),
    signingKeys: await loadSigningKeys(vars.SIGNING_KEYS),
    tokenAudience: { issuer: vars.PUBLIC_URL, audience: vars.PUBLIC_URL },
    publicUrl: vars.PUBLIC_URL.replace(/\/+$/, ""),
    passwordPepper: vars.PASSWORD_PEPPER,
    jwksHostAllowlist: (vars.JWKS_HOST_ALLOWLIST ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    allowLocalWebhooks: vars.WEBHOOK_ALLOW_LOCAL === "true",
    operatorToken: vars.OPERATOR_TOKEN,
    sealKey: vars.DB_TOKEN_KEY,
    now: () => new Date(),
    background: new BackgroundTasks(parts.log),
  };
}
