import { Cron } from "croner";
import { enqueueSweeps, sweepTenant } from "../workers/scheduler/src/sweep";
import type { Logger } from "../workers/shared/src/platform/log";
import { describeError } from "../workers/shared/src/platform/log";
import type { Platform } from "../workers/shared/src/platform/platform";
import type { InProcessQueue } from "./in-process-queue";

/** The Worker's cron + queue consumer, run in-process: same sweep code, croner for the tick. */
export function startScheduler(
  platform: Platform,
  queue: InProcessQueue,
  log: Logger,
  pattern = "* * * * *",
): Cron {
  queue.consume(async (sweep) => {
    await sweepTenant(platform, sweep);
  });
  return new Cron(pattern, { protect: true }, async (job: Cron) => {
    const tick = job.currentRun() ?? new Date();
    try {
      const count = await enqueueSweeps(platform.control, queue, tick);
      log.info("sweeps enqueued", { tenants: count });
    } catch (err) {
      log.error("scheduler tick failed", { error: describeError(err) });
    }
  });
}
