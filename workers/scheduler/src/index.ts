import { mailFromEnv } from "../../shared/src/platform/assemble-platform";
import { connectWeb, edgeControlDb } from "../../shared/src/platform/edge-platform";
import { readEnv, schedulerEnvSchema } from "../../shared/src/platform/env";
import { describeError, jsonLogger } from "../../shared/src/platform/log";
import type { SchedulerMessage, SweepQueue } from "../../shared/src/platform/platform";
import { TenantConnections } from "../../shared/src/platform/tenant-connections";
import { runSchedulerMessage } from "./consumer";
import { enqueueSweeps, type SchedulerDeps } from "./sweep";

interface Bindings {
  SWEEP_QUEUE: SweepQueue;
  [key: string]: unknown;
}

const log = jsonLogger(undefined, { worker: "scheduler" });
let deps: SchedulerDeps | undefined;

/** Validates the environment once per isolate and keeps tenant clients for reuse. */
function build(env: Bindings): SchedulerDeps {
  const vars = readEnv(schedulerEnvSchema, env);
  return {
    control: edgeControlDb(vars),
    connections: new TenantConnections(connectWeb, vars.DB_TOKEN_KEY),
    now: () => new Date(),
    mail: mailFromEnv(vars),
    sealKey: vars.DB_TOKEN_KEY,
    publicUrl: vars.PUBLIC_URL,
    log,
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
    const ready = deps;
    // One message per tenant, worked concurrently: each is acknowledged or retried on its own,
    // so a tenant whose database or provider is slow or down never delays another.
    await Promise.all(
      batch.messages.map(async (message) => {
        try {
          await runSchedulerMessage(ready, message.body);
          message.ack();
        } catch (err) {
          log.warn("scheduler message failed", {
            tenantId: message.body.tenantId,
            kind: message.body.kind ?? "sweep",
            error: describeError(err),
          });
          message.retry({ delaySeconds: Math.min(60 * 2 ** message.attempts, 3600) });
        }
      }),
    );
  },
} satisfies ExportedHandler<Bindings, SchedulerMessage>;
