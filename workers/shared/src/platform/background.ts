import { describeError, type Logger } from "./log";

/**
 * Work that runs after the response: what a caller must not be able to time (whether an
 * account exists) or wait for. On Workers each task is also handed to `waitUntil`; every
 * host tracks them so nothing is dropped silently and tests and shutdown can wait.
 */
export class BackgroundTasks {
  readonly #pending = new Set<Promise<void>>();

  constructor(private readonly log: Logger) {}

  run(name: string, task: () => Promise<unknown>, waitUntil?: (p: Promise<unknown>) => void) {
    const done = Promise.resolve()
      .then(task)
      .then(
        () => {},
        (err) =>
          this.log.error("background task failed", { task: name, error: describeError(err) }),
      )
      .finally(() => this.#pending.delete(done));
    this.#pending.add(done);
    waitUntil?.(done);
  }

  /** Resolves when every task started so far has finished. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
