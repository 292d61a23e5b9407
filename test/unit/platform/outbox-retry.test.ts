import { describe, expect, it } from "vitest";
import {
  afterFailure,
  maxAttempts,
  retryDelayMs,
} from "../../../workers/scheduler/src/delivery/retry";

const minute = 60_000;
const now = new Date("2031-01-01T00:00:00.000Z");

describe("retryDelayMs", () => {
  it("doubles from a minute, with the wait between half and all of it", () => {
    for (let attempt = 1; attempt <= 7; attempt++) {
      const ceiling = minute * 2 ** (attempt - 1);
      expect(retryDelayMs(attempt, () => 0)).toBe(ceiling / 2);
      expect(retryDelayMs(attempt, () => 1)).toBe(ceiling);
      expect(retryDelayMs(attempt, () => 0.5)).toBe(ceiling * 0.75);
    }
  });

  it("never waits more than six hours", () => {
    expect(retryDelayMs(30, () => 1)).toBe(6 * 60 * minute);
    expect(retryDelayMs(1000, () => 1)).toBe(6 * 60 * minute);
  });

  it("spreads the failures of one outage apart", () => {
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const waits = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, random)));
    expect(waits.size).toBeGreaterThan(40);
  });
});

describe("afterFailure", () => {
  const transient = { permanent: false, reason: "The email provider refused the message (503)." };

  it("reschedules a transient failure, keeping its reason", () => {
    expect(afterFailure(1, transient, now, () => 1)).toEqual({
      status: "pending",
      nextAttemptAt: new Date(now.getTime() + minute),
      lastError: transient.reason,
    });
  });

  it("dead-letters a permanent failure at once", () => {
    const refused = { permanent: true, reason: "The email provider refused the message (422)." };
    expect(afterFailure(1, refused, now)).toEqual({ status: "dead", lastError: refused.reason });
  });

  it(`gives up after ${maxAttempts} attempts`, () => {
    expect(afterFailure(maxAttempts - 1, transient, now).status).toBe("pending");
    expect(afterFailure(maxAttempts, transient, now)).toEqual({
      status: "dead",
      lastError: `Gave up after ${maxAttempts} attempts: ${transient.reason}`,
    });
  });

  it("keeps the stored reason short", () => {
    const long = { permanent: true, reason: "x".repeat(5000) };
    expect(afterFailure(1, long, now).lastError).toHaveLength(300);
  });
});
