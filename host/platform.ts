import { join } from "node:path";
import { createClient } from "@libsql/client";
import { migrations as controlMigrations } from "../db/control/migrations.gen";
import { applyMigrations } from "../db/migrate";
import { assemblePlatform, tursoFromEnv } from "../workers/shared/src/assemble-platform";
import { type ConnectDb, controlDb } from "../workers/shared/src/db";
import { jsonLogger, type Logger } from "../workers/shared/src/log";
import type { Platform, SweepQueue } from "../workers/shared/src/platform";
import type { Provisioner } from "../workers/shared/src/provisioning";
import type { HostConfig } from "./config";
import { LocalFileProvisioner } from "./local-provisioner";

export const connectNode: ConnectDb = (url, authToken) =>
  createClient({ url, ...(authToken ? { authToken } : {}) });

/** Turso when its credentials are configured (operating a deployment), else local files. */
function provisionerFor(config: HostConfig): Provisioner {
  return tursoFromEnv(config) ?? new LocalFileProvisioner(join(config.dataDir, "tenants"));
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
  const platform = await assemblePlatform(config, {
    control: controlDb(controlClient),
    connect: connectNode,
    provisioner: provisionerFor(config),
    sweeps,
    log,
  });
  return {
    ...platform,
    close() {
      platform.connections.closeAll();
      controlClient.close();
    },
  };
}
