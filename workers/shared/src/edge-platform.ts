import { createClient } from "@libsql/client/web";
import { loadSigningKeys } from "./access-tokens";
import { type ConnectDb, controlDb } from "./db";
import type { ApiEnvVars } from "./env";
import { jsonLogger } from "./log";
import type { Platform, SweepQueue } from "./platform";
import { TenantConnections } from "./tenant-connections";
import { TenantDirectory } from "./tenant-directory";
import { TursoProvisioner } from "./turso-provisioner";

export const connectWeb: ConnectDb = (url, authToken) =>
  createClient({ url, ...(authToken ? { authToken } : {}) });

export function edgeControlDb(env: {
  CONTROL_DB_URL: string;
  CONTROL_DB_TOKEN?: string | undefined;
}) {
  return controlDb(connectWeb(env.CONTROL_DB_URL, env.CONTROL_DB_TOKEN ?? null));
}

/** The Worker's platform: libSQL over HTTP (Turso), Cloudflare Queues, Turso provisioning. */
export async function edgePlatform(env: ApiEnvVars, sweeps: SweepQueue): Promise<Platform> {
  const control = edgeControlDb(env);
  const turso =
    env.TURSO_ORG && env.TURSO_GROUP && env.TURSO_API_TOKEN
      ? new TursoProvisioner({
          organization: env.TURSO_ORG,
          group: env.TURSO_GROUP,
          apiToken: env.TURSO_API_TOKEN,
          ...(env.TURSO_API_URL ? { apiUrl: env.TURSO_API_URL } : {}),
        })
      : null;
  return {
    control,
    tenants: new TenantDirectory(control),
    connections: new TenantConnections(connectWeb, env.DB_TOKEN_KEY),
    connect: connectWeb,
    provisioner: turso,
    signingKeys: await loadSigningKeys(env.SIGNING_KEYS),
    tokenAudience: { issuer: env.PUBLIC_URL, audience: env.PUBLIC_URL },
    operatorToken: env.OPERATOR_TOKEN,
    sealKey: env.DB_TOKEN_KEY,
    sweeps,
    now: () => new Date(),
    log: jsonLogger(),
  };
}
