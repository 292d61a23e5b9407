import { Cron } from "croner";
import { runSchedulerMessage } from "../workers/scheduler/src/consumer";
import { enqueueSweeps } from "../workers/scheduler/src/sweep";
import type { Logger } from "../workers/shared/src/platform/log";
import { describeError } from "../workers/shared/src/platform/log";
import type { Platform } from "../workers/shared/src/platform/platform";
import type { InProcessQueue } from "./in-process-queue";

/**
 * The Worker's queue consumer, in-process: the same code handles sweeps and outbox
 * deliveries. Always on, since requests ask it to deliver what they wrote.
 */
export function consumeSchedulerQueue(platform: Platform, queue: InProcessQueue): void {
  queue.consume((message) => runSchedulerMessage(platform, message));
}

/** The Worker's cron + queue consumer, run in-process: same sweep code, croner for the tick. */
export function startScheduler(
  platform: Platform,
  queue: InProcessQueue,
  log: Logger,
  pattern = "* * * * *",
): Cron {
  consumeSchedulerQueue(platform, queue);
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
