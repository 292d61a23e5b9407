/**
 * When a failed delivery is tried again. Pure, with the randomness passed in, so the schedule
 * is tested without a clock or a provider.
 */

/** Sends tried before a transient failure becomes a dead letter. */
export const maxAttempts = 8;

/** How long a deliverer holds a claimed row before another may take it over. */
export const leaseMs = 5 * 60 * 1000;

const baseDelayMs = 60 * 1000;
const maxDelayMs = 6 * 60 * 60 * 1000;

/**
 * The wait after the `attempt`-th failed send (counting from 1): a minute, doubling each
 * time, at most six hours, and between half and all of that at random ("equal jitter") so
 * the failures of one provider outage do not all come back at the same moment.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export type Failure = { permanent: boolean; reason: string };

/** What a failed attempt leads to: another try later, or the dead letters. */
export type AfterFailure =
  | { status: "pending"; nextAttemptAt: Date; lastError: string }
  | { status: "dead"; lastError: string };

export function afterFailure(
  attempt: number,
  failure: Failure,
  now: Date,
  random: () => number = Math.random,
): AfterFailure {
  const lastError = failure.reason.slice(0, 300);
  if (failure.permanent) return { status: "dead", lastError };
  if (attempt >= maxAttempts) {
    return { status: "dead", lastError: `Gave up after ${attempt} attempts: ${lastError}` };
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempt, random));
  return { status: "pending", nextAttemptAt, lastError };
}
