/**
 * `npm run dev:edge`: both Workers in local workerd via `wrangler dev`, with the control DB
 * and tenant DBs served over libSQL's HTTP protocol by the test gateway (files under
 * DATA_DIR/edge), so the edge code paths run locally without a Turso account.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { printDemo } from "../cli/src/demo-report";
import { seedDemo } from "../cli/src/seed";
import { migrations as controlMigrations } from "../db/control/migrations.gen";
import { applyMigrations } from "../db/migrate";
import { loadHostConfig } from "../host/config";
import { connectNode } from "../host/platform";
import { gatewayProvisioner, startLibsqlGateway } from "../test/support/libsql-gateway";
import { assemblePlatform } from "../workers/shared/src/platform/assemble-platform";
import { controlDb } from "../workers/shared/src/platform/db";
import { jsonLogger } from "../workers/shared/src/platform/log";
import { unconfiguredMail } from "../workers/shared/src/platform/mail-http";

const port = Number(process.env.PORT ?? 8788);
const config = await loadHostConfig({ publicUrl: `http://localhost:${port}` });
const dir = join(config.dataDir, "edge");
mkdirSync(dir, { recursive: true });
const gateway = await startLibsqlGateway({
  dir,
  createMissing: true,
  token: config.OPERATOR_TOKEN,
});

const controlUrl = gateway.databaseUrl("control");
const controlClient = connectNode(controlUrl, gateway.token);
await applyMigrations(controlClient, controlMigrations);
// The demo is set up through the app itself, in this process, on the gateway's databases.
const seeding = await assemblePlatform(
  { ...config, CONTROL_DB_URL: controlUrl },
  {
    control: controlDb(controlClient),
    connect: connectNode,
    provisioner: gatewayProvisioner(gateway),
    sweeps: { sendBatch: async () => {} },
    log: jsonLogger(),
    mail: unconfiguredMail,
    clientIp: () => null,
  },
);
const demo = await seedDemo({ ...seeding, actor: "dev-edge" });
seeding.connections.closeAll();
printDemo({ out: (line) => console.log(line), err: (line) => console.error(line) }, demo);

const vars = {
  CONTROL_DB_URL: controlUrl,
  CONTROL_DB_TOKEN: gateway.token,
  DB_TOKEN_KEY: config.DB_TOKEN_KEY,
  SIGNING_KEYS: config.SIGNING_KEYS,
  OPERATOR_TOKEN: config.OPERATOR_TOKEN,
  PASSWORD_PEPPER: config.PASSWORD_PEPPER,
  PUBLIC_URL: config.PUBLIC_URL,
};
const devVars = Object.entries(vars)
  .map(([key, value]) => `${key}='${value}'`)
  .join("\n");
// wrangler reads .dev.vars beside each config; both files are git-ignored.
writeFileSync(".dev.vars", `${devVars}\n`, { mode: 0o600 });
writeFileSync("workers/scheduler/.dev.vars", `${devVars}\n`, { mode: 0o600 });

const wrangler = spawn(
  "npx",
  [
    "wrangler",
    "dev",
    "--config",
    "wrangler.toml",
    "--config",
    "workers/scheduler/wrangler.toml",
    "--port",
    String(port),
    "--test-scheduled",
  ],
  { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
);
const stop = () => wrangler.kill("SIGINT");
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
wrangler.once("exit", async (code) => {
  controlClient.close();
  await gateway.close();
  process.exit(code ?? 0);
});
