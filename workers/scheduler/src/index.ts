import { connectWeb, edgeControlDb } from "../../shared/src/platform/edge-platform";
import { readEnv, schedulerEnvSchema } from "../../shared/src/platform/env";
import { describeError, jsonLogger } from "../../shared/src/platform/log";
import type { SweepQueue, TenantSweep } from "../../shared/src/platform/platform";
import { TenantConnections } from "../../shared/src/platform/tenant-connections";
import { enqueueSweeps, sweepTenant } from "./sweep";

interface Bindings {
  SWEEP_QUEUE: SweepQueue;
  [key: string]: unknown;
}

const log = jsonLogger(undefined, { worker: "scheduler" });
let deps: ReturnType<typeof build> | undefined;

/** Validates the environment once per isolate and keeps tenant clients for reuse. */
function build(env: Bindings) {
  const vars = readEnv(schedulerEnvSchema, env);
  return {
    control: edgeControlDb(vars),
    connections: new TenantConnections(connectWeb, vars.DB_TOKEN_KEY),
    now: () => new Date(),
  };
}

export default {
  async scheduled(controller, env) {
    deps ??= build(env);
    const count = await enqueueSweeps(
      deps.control,
      env.SWEEP_QUEUE,
      new Date(controller.scheduledTime),
    );
    log.info("sweeps enqueued", { tenants: count, cron: controller.cron });
  },

  async queue(batch, env) {
    deps ??= build(env);
    for (const message of batch.messages) {
      try {
        const outcome = await sweepTenant(deps, message.body);
        message.ack();
        log.info("tenant swept", { tenantId: message.body.tenantId, outcome });
      } catch (err) {
        log.warn("tenant sweep failed", {
          tenantId: message.body.tenantId,
          error: describeError(err),
        });
        message.retry({ delaySeconds: Math.min(60 * 2 ** message.attempts, 3600) });
      }
    }
  },
} satisfies ExportedHandler<Bindings, TenantSweep>;
