import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { tenants } from "../../db/control/schema";
import { members } from "../../db/tenant/schema";
import { loadHostConfig } from "../../host/config";
import { InProcessQueue } from "../../host/in-process-queue";
import { type NodePlatform, nodePlatform } from "../../host/platform";
import { consumeSchedulerQueue } from "../../host/scheduler";
import { createApp } from "../../workers/api/src/app";
import type { TenantSummary } from "../../workers/shared/src/contracts/operator";
import type { TenantDb } from "../../workers/shared/src/platform/db";
import { jsonLogger, type Logger } from "../../workers/shared/src/platform/log";
import type { Provisioner } from "../../workers/shared/src/platform/provisioning";
import { signAccessToken } from "../../workers/shared/src/security/access-tokens";
import {
  createTenant,
  findTenantBySlug,
  type OperatorCtx,
} from "../../workers/shared/src/tenancy/tenants";
import { answerCheck } from "./contract-check";

/** Tokens are only honoured for active members, so a token's member is made to exist. */
export async function ensureMember(
  db: TenantDb,
  memberId: string,
  role: "admin" | "member",
  now: Date,
): Promise<void> {
  await db
    .insert(members)
    .values({
      id: memberId,
      email: `${memberId}@members.test`,
      displayName: memberId,
      role,
      status: "active",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
}

export interface Harness {
  dataDir: string;
  platform: NodePlatform;
  queue: InProcessQueue;
  app: ReturnType<typeof createApp>;
  /** Every log line written, parsed; tests assert what reached (and did not reach) logs. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  operator: OperatorCtx;
  createTenant(slug: string, name?: string): Promise<TenantSummary>;
  /** A member access token for a tenant, signed with the platform's key. */
  tokenFor(slug: string, opts?: { memberId?: string; role?: "admin" | "member" }): Promise<string>;
  request(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  /**
   * Waits until what requests asked of the queue is done: the deliveries nudged after their
   * responses (emails reach the dev mailbox here) and any sweeps sent. Retries still waiting
   * for their backoff are not waited for.
   */
  deliver(): Promise<void>;
  /** Points a tenant at a database file that cannot be opened, as if its storage were gone. */
  breakTenantDb(slug: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A Node platform over fresh libSQL files in a temp directory, with the API app on top.
 * Requests go through `app.request` (real HTTP semantics, no server). One per test file.
 */
export async function startHarness(
  opts: {
    provisioner?: Provisioner;
    env?: NodeJS.ProcessEnv;
    now?: () => Date;
    /** A data folder the test owns: used as it is and left in place by close(). */
    dataDir?: string;
  } = {},
): Promise<Harness> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "tandem-test-"));
  const rawLogs: string[] = [];
  const log: Logger = jsonLogger((line) => rawLogs.push(line));
  const config = await loadHostConfig({
    dataDir,
    publicUrl: "http://tandem.test",
    env: opts.env ?? {},
  });
  const queue = new InProcessQueue({ log, baseDelayMs: 5, maxAttempts: 3 });
  const platform = await nodePlatform(config, queue, log);
  if (opts.provisioner) platform.provisioner = opts.provisioner;
  if (opts.now) platform.now = opts.now;
  // The host's consumer, as `npm start` runs it: sweeps and outbox deliveries.
  consumeSchedulerQueue(platform, queue);
  const app = createApp(platform);
  const checkAnswer = answerCheck(app.routes);
  const operator: OperatorCtx = { ...platform, actor: "test" };
  return {
    dataDir,
    platform,
    queue,
    app,
    rawLogs,
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    operator,
    createTenant: (slug, name = `Org ${slug}`) =>
      createTenant(operator, { slug, name, kind: "university" }),
    async tokenFor(slug, { memberId = "member-1", role = "admin" } = {}) {
      const tenant = await findTenantBySlug(platform.control, slug);
      await ensureMember(await platform.connections.db(tenant), memberId, role, platform.now());
      return signAccessToken(
        platform.signingKeys,
        platform.tokenAudience,
        { memberId, tenantId: tenant.id, role },
        platform.now(),
      );
    },
    async request(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set("authorization", `Bearer ${token}`);
      const res = await app.request(path, { ...rest, headers });
      const broken = await checkAnswer(rest.method ?? "GET", path, res);
      if (broken) throw new Error(broken);
      return res;
    },
    async deliver() {
      await platform.background.idle();
      await queue.idle();
    },
    async breakTenantDb(slug) {
      const tenant = await findTenantBySlug(platform.control, slug);
      await platform.control
        .update(tenants)
        .set({ dbUrl: "file:/nonexistent-dir/x.db" })
        .where(eq(tenants.id, tenant.id));
      platform.connections.evict(tenant.id);
      platform.tenants.forget(tenant.id);
    },
    async close() {
      await platform.background.idle();
      queue.close();
      await queue.idle();
      platform.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
