import { join } from "node:path";
import { migrations as controlMigrations } from "../db/control/migrations.gen";
import { applyMigrations } from "../db/migrate";
import {
  assemblePlatform,
  mailFromEnv,
  tursoFromEnv,
} from "../workers/shared/src/platform/assemble-platform";
import { type ConnectDb, controlDb } from "../workers/shared/src/platform/db";
import { jsonLogger, type Logger } from "../workers/shared/src/platform/log";
import type { MailTransport } from "../workers/shared/src/platform/mail";
import { unconfiguredMail } from "../workers/shared/src/platform/mail-http";
import type { Platform, SweepQueue } from "../workers/shared/src/platform/platform";
import type { Provisioner } from "../workers/shared/src/platform/provisioning";
import { setAnswerHeaders } from "./answer-headers";
import type { HostConfig } from "./config";
import { DevMailbox } from "./dev-mailbox";
import { nodeConnector } from "./file-databases";
import { LocalFileProvisioner, relocateTenantFiles } from "./local-provisioner";

/** Opens absolute file: URLs and remote servers; the platform resolves tenant files under DATA_DIR. */
export const connectNode: ConnectDb = nodeConnector(process.cwd());

/** Turso when its credentials are configured (operating a deployment), else local files. */
function provisionerFor(config: HostConfig): Provisioner {
  return tursoFromEnv(config) ?? new LocalFileProvisioner(config.dataDir);
}

/** A configured email provider, else the dev mailbox in DATA_DIR. */
function mailFor(config: HostConfig): MailTransport {
  const provider = mailFromEnv(config);
  return provider === unconfiguredMail
    ? new DevMailbox(join(config.dataDir, "mailbox.jsonl"))
    : provider;
}

/**
 * The socket's address, or with TRUST_PROXY=true the first X-Forwarded-For entry (only
 * behind a proxy that sets it; otherwise anyone could pick their own rate-limit bucket).
 */
function clientIpOf(request: Request, env: unknown, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
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
  const controlClient = nodeConnector(config.dataDir)(
    config.CONTROL_DB_URL,
    config.CONTROL_DB_TOKEN ?? null,
  );
  await applyMigrations(controlClient, controlMigrations);
  await relocateTenantFiles(controlDb(controlClient), config.dataDir, log);
  const platform = await assemblePlatform(config, {
    control: controlDb(controlClient),
    // Tenant files are made by the provisioner; one that is gone is never recreated empty.
    connect: nodeConnector(config.dataDir, { mustExist: true }),
    provisioner: provisionerFor(config),
    sweeps,
    log,
    mail: mailFor(config),
    clientIp: (request, env) => clientIpOf(request, env, config.TRUST_PROXY === "true"),
    setAnswerHeaders,
  });
  return {
    ...platform,
    close() {
      platform.connections.closeAll();
      controlClient.close();
    },
  };
}
