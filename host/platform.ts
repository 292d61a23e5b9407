import { join } from "node:path";
import { createClient } from "@libsql/client";
import { migrations as controlMigrations } from "../db/control/migrations.gen";
import { applyMigrations } from "../db/migrate";
import { loadSigningKeys } from "../workers/shared/src/access-tokens";
import { type ConnectDb, controlDb } from "../workers/shared/src/db";
import { jsonLogger, type Logger } from "../workers/shared/src/log";
import type { Platform, SweepQueue } from "../workers/shared/src/platform";
import type { Provisioner } from "../workers/shared/src/provisioning";
import { TenantConnections } from "../workers/shared/src/tenant-connections";
import { TenantDirectory } from "../workers/shared/src/tenant-directory";
import { TursoProvisioner } from "../workers/shared/src/turso-provisioner";
import type { HostConfig } from "./config";
import { LocalFileProvisioner } from "./local-provisioner";

export const connectNode: ConnectDb = (url, authToken) =>
  createClient({ url, ...(authToken ? { authToken } : {}) });

/** Turso when its credentials are configured (operating a deployment), else local files. */
function provisionerFor(config: HostConfig): Provisioner {
  if (config.TURSO_ORG && config.TURSO_GROUP && config.TURSO_API_TOKEN) {
    return new TursoProvisioner({
      organization: config.TURSO_ORG,
      group: config.TURSO_GROUP,
      apiToken: config.TURSO_API_TOKEN,
      ...(config.TURSO_API_URL ? { apiUrl: config.TURSO_API_URL } : {}),
    });
  }
  return new LocalFileProvisioner(join(config.dataDir, "tenants"));
}

export interface NodePlatform extends Platform {
  provisioner: Provisioner;
  close(): void;
}

/** The Node host's platform. Applies control-DB migrations before anything reads it. */
export async function nodePlatform(
  config: HostConfig,
  sweeps: SweepQueue,
  log: Logger = jsonLogger(),
): Promise<NodePlatform> {
  const controlClient = connectNode(config.CONTROL_DB_URL, config.CONTROL_DB_TOKEN ?? null);
  await applyMigrations(controlClient, controlMigrations);
  const control = controlDb(controlClient);
  const connections = new TenantConnections(connectNode, config.DB_TOKEN_KEY);
  return {
    control,
    tenants: new TenantDirectory(control),
    connections,
    connect: connectNode,
    provisioner: provisionerFor(config),
    signingKeys: await loadSigningKeys(config.SIGNING_KEYS),
    tokenAudience: { issuer: config.PUBLIC_URL, audience: config.PUBLIC_URL },
    operatorToken: config.OPERATOR_TOKEN,
    sealKey: config.DB_TOKEN_KEY,
    sweeps,
    now: () => new Date(),
    log,
    close() {
      connections.closeAll();
      controlClient.close();
    },
  };
}
