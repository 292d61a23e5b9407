import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { migrations as controlMigrations } from "../../db/control/migrations.gen";
import { applyMigrations } from "../../db/migrate";
import { connectNode } from "../../host/platform";
import { apiPaths } from "../../workers/api/src/http/no-route";
import type { TenantSummary } from "../../workers/shared/src/contracts/operator";
import { controlDb, tenantDb } from "../../workers/shared/src/platform/db";
import { silentLogger } from "../../workers/shared/src/platform/log";
import { newSealKey } from "../../workers/shared/src/platform/seal";
import {
  generateSigningKey,
  loadSigningKeys,
  signAccessToken,
} from "../../workers/shared/src/security/access-tokens";
import {
  createTenant,
  findTenantBySlug,
  type OperatorCtx,
} from "../../workers/shared/src/tenancy/tenants";
import { gatewayProvisioner, type LibsqlGateway, startLibsqlGateway } from "./libsql-gateway";
import { ensureMember } from "./node-harness";

const bundle = (worker: string) =>
  fileURLToPath(new URL(`../../dist/workers/${worker}/index.js`, import.meta.url));

/** The built web client as Cloudflare serves it: its `_headers`, the Worker first for the API. */
const webAssets = {
  directory: fileURLToPath(new URL("../../web/dist", import.meta.url)),
  routerConfig: {
    has_user_worker: true,
    invoke_user_worker_ahead_of_assets: false,
    static_routing: { user_worker: apiPaths },
  },
  assetConfig: { not_found_handling: "single-page-application" as const },
};

export const publicUrl = "https://tandem.test";

export interface Edge {
  mf: Miniflare;
  gateway: LibsqlGateway;
  operator: OperatorCtx;
  /** Everything workerd printed, for assertions on logs. */
  output: string[];
  createTenant(slug: string): Promise<TenantSummary>;
  tokenFor(slug: string, memberId?: string): Promise<string>;
  api(
    path: string,
    init?: { token?: string; method?: string; body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The wrangler-built bundles of both Workers in workerd (Miniflare), with the control DB and
 * every tenant DB reached over libSQL's HTTP protocol through the test gateway, as on Turso.
 * Tenants are prepared from Node through the same gateway.
 */
export async function startEdge(
  opts: {
    apiBindings?: Record<string, string>;
    schedulerBindings?: Record<string, string>;
    /** Serve web/dist in front of the API Worker, as wrangler.toml's [assets] does. */
    assets?: boolean;
  } = {},
): Promise<Edge> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-edge-"));
  const gateway = await startLibsqlGateway({ dir, createMissing: true });
  const controlClient = connectNode(gateway.databaseUrl("control"), gateway.token);
  await applyMigrations(controlClient, controlMigrations);
  const secrets = {
    SIGNING_KEYS: JSON.stringify([await generateSigningKey("edge-test")]),
    OPERATOR_TOKEN: "edge-operator-token-0123456789abcdef",
    DB_TOKEN_KEY: newSealKey(),
    PASSWORD_PEPPER: "edge-pepper-0123456789abcdef0123456789",
  };
  const signingKeys = await loadSigningKeys(secrets.SIGNING_KEYS);
  const control = controlDb(controlClient);
  const operator: OperatorCtx = {
    control,
    connect: connectNode,
    sealKey: secrets.DB_TOKEN_KEY,
    actor: "edge-test",
    now: () => new Date(),
    log: silentLogger,
    provisioner: gatewayProvisioner(gateway),
  };
  const controlBindings = {
    CONTROL_DB_URL: gateway.databaseUrl("control"),
    CONTROL_DB_TOKEN: gateway.token,
    DB_TOKEN_KEY: secrets.DB_TOKEN_KEY,
  };
  const output: string[] = [];
  const mf = new Miniflare({
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      stdout.on("data", (chunk: Buffer) => output.push(String(chunk)));
      stderr.on("data", (chunk: Buffer) => output.push(String(chunk)));
    },
    workers: [
      {
        name: "api",
        modules: true,
        scriptPath: bundle("api"),
        compatibilityDate: "2026-04-20",
        bindings: { ...controlBindings, ...secrets, PUBLIC_URL: publicUrl, ...opts.apiBindings },
        queueProducers: { SWEEP_QUEUE: "tandem-sweeps" },
        ...(opts.assets ? { assets: webAssets } : {}),
      },
      {
        name: "scheduler",
        modules: true,
        scriptPath: bundle("scheduler"),
        compatibilityDate: "2026-04-20",
        bindings: { ...controlBindings, PUBLIC_URL: publicUrl, ...opts.schedulerBindings },
        queueProducers: { SWEEP_QUEUE: "tandem-sweeps" },
        queueConsumers: { "tandem-sweeps": { maxBatchTimeout: 1, maxRetries: 2 } },
      },
    ],
  });
  await mf.ready;
  return {
    mf,
    gateway,
    operator,
    output,
    createTenant: (slug) => createTenant(operator, { slug, name: `Org ${slug}`, kind: "company" }),
    async tokenFor(slug, memberId = "member-1") {
      const tenant = await findTenantBySlug(control, slug);
      const client = connectNode(gateway.databaseUrl(slug), gateway.token);
      await ensureMember(tenantDb(client), memberId, "admin", new Date());
      client.close();
      return signAccessToken(
        signingKeys,
        { issuer: publicUrl, audience: publicUrl },
        { memberId, tenantId: tenant.id, role: "admin" },
        new Date(),
      );
    },
    async api(path, { token, method = "GET", body, headers: extra = {} } = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...extra };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await mf.dispatchFetch(`http://localhost${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      return res as unknown as Response;
    },
    async close() {
      await mf.dispose();
      controlClient.close();
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
