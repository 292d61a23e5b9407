import { createClient } from "@libsql/client/web";
import { assemblePlatform, mailFromEnv, tursoFromEnv } from "./assemble-platform";
import { type ConnectDb, controlDb } from "./db";
import type { ApiEnvVars } from "./env";
import { jsonLogger } from "./log";
import type { Platform, SweepQueue } from "./platform";

export const connectWeb: ConnectDb = (url, authToken) =>
  createClient({ url, ...(authToken ? { authToken } : {}) });

export function edgeControlDb(env: {
  CONTROL_DB_URL: string;
  CONTROL_DB_TOKEN?: string | undefined;
}) {
  return controlDb(connectWeb(env.CONTROL_DB_URL, env.CONTROL_DB_TOKEN ?? null));
}

/** The Worker's platform: libSQL over HTTP (Turso), Cloudflare Queues, Turso provisioning. */
export function edgePlatform(env: ApiEnvVars, sweeps: SweepQueue): Promise<Platform> {
  return assemblePlatform(env, {
    control: edgeControlDb(env),
    connect: connectWeb,
    provisioner: tursoFromEnv(env),
    sweeps,
    log: jsonLogger(),
    mail: mailFromEnv(env),
    // Cloudflare sets this header on every request; nothing else can be trusted at the edge.
    clientIp: (request) => request.headers.get("cf-connecting-ip"),
  });
}
