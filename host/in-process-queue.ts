import type { Logger } from "../workers/shared/src/platform/log";
import { describeError } from "../workers/shared/src/platform/log";
import type { SchedulerMessage, SweepQueue } from "../workers/shared/src/platform/platform";

export interface InProcessQueueOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Messages worked at once (each tenant's sweep is mostly waiting on its database). */
  concurrency?: number;
  log: Logger;
}

/**
 * Cloudflare Queues' contract on one process: each message is delivered to the consumer,
 * retried with exponential backoff when it throws, and dead-lettered after maxAttempts.
 * Messages are worked concurrently, each on its own: one that fails or hangs waits for its
 * retry (or holds one of `concurrency` places) while the others go on.
 */
export class InProcessQueue implements SweepQueue {
  readonly deadLetters: { body: SchedulerMessage; error: string }[] = [];
  #consumer: ((body: SchedulerMessage, attempt: number) => Promise<void>) | null = null;
  #inFlight = new Set<Promise<void>>();
  #waiting: { body: SchedulerMessage; attempt: number }[] = [];
  #timers = new Set<NodeJS.Timeout>();
  #closed = false;

  constructor(private readonly opts: InProcessQueueOptions) {}

  consume(consumer: (body: SchedulerMessage, attempt: number) => Promise<void>): void {
    this.#consumer = consumer;
  }

  async sendBatch(messages: Iterable<{ body: SchedulerMessage }>): Promise<void> {
    for (const { body } of messages) this.#deliver(body, 1);
  }

  /** Resolves once every delivery started so far, retries included, has settled. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#timers.size > 0 || this.#waiting.length > 0) {
      await Promise.race([...this.#inFlight, new Promise((r) => setTimeout(r, 10))]);
    }
  }

  close(): void {
    this.#closed = true;
    this.#waiting = [];
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #deliver(body: SchedulerMessage, attempt: number): void {
    if (this.#closed || !this.#consumer) return;
    if (this.#inFlight.size >= (this.opts.concurrency ?? 16)) {
      this.#waiting.push({ body, attempt });
      return;
    }
    const run = this.#consumer(body, attempt).catch((err) => this.#failed(body, attempt, err));
    this.#inFlight.add(run);
    void run.finally(() => {
      this.#inFlight.delete(run);
      const next = this.#waiting.shift();
      if (next) this.#deliver(next.body, next.attempt);
    });
  }

  #failed(body: SchedulerMessage, attempt: number, err: unknown): void {
    const { maxAttempts = 5, baseDelayMs = 1000, log } = this.opts;
    const error = describeError(err);
    if (attempt >= maxAttempts) {
      this.deadLetters.push({ body, error });
      log.error("sweep dead-lettered", { tenantId: body.tenantId, attempt, error });
      return;
    }
    log.warn("sweep failed; will retry", { tenantId: body.tenantId, attempt, error });
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        this.#deliver(body, attempt + 1);
      },
      baseDelayMs * 2 ** (attempt - 1),
    );
    this.#timers.add(timer);
  }
}
