import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverTenant } from "../../../workers/scheduler/src/sweep";
import { deliveryMessage } from "../../../workers/shared/src/platform/platform";
import { providerKey } from "../../support/mail-provider";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";

let h: OutboxHarness;
beforeAll(async () => {
  h = await startOutboxHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.provider.requests.length = 0;
  h.provider.script.length = 0;
  h.provider.delayMs = 0;
});

const minute = 60_000;

describe("delivering the outbox through the email provider", () => {
  it("sends after the response with the outbox key as Idempotency-Key, then clears the body", async () => {
    const { token, db, tenantId } = await h.org("deliver-basic");
    const id = await h.invite(token, "ada@deliver.example");
    await h.deliver();

    const [sent, ...more] = h.provider.requests;
    expect(more).toEqual([]);
    expect(sent!.headers["idempotency-key"]).toBe(`${tenantId}:invitation:${id}`);
    expect(sent!.headers.authorization).toBe(`Bearer ${providerKey}`);
    expect(sent!.body).toMatchObject({
      from: "Tandem <no-reply@tandem.test>",
      to: "ada@deliver.example",
      subject: "admin-1 invited you to deliver-basic University on Tandem",
    });
    expect(sent!.body.text).toMatch(/http:\/\/tandem\.test\/o\/deliver-basic\/accept#token=/);
    const [row] = await h.rows(db);
    expect(row).toMatchObject({ status: "sent", attempts: 1, payload: null, lastError: null });
    expect(row!.sentAt).toEqual(h.clock.now);
    // Neither the message, its link nor the provider's key reached the logs.
    const logs = h.rawLogs.join("\n");
    expect(logs).not.toContain("accept#token=");
    expect(logs).not.toContain(providerKey);
  });

  it("a crash between the write and the send: the next sweep delivers it, exactly once", async () => {
    const { token, db } = await h.org("deliver-crash");
    const { held, restore } = h.holdNudges();
    try {
      await h.invite(token, "ben@deliver.example");
      await h.deliver();
    } finally {
      restore();
    }
    expect(held).toHaveLength(1);
    expect(h.provider.requests).toEqual([]);
    expect((await h.rows(db))[0]).toMatchObject({ status: "pending", attempts: 0 });

    await h.sweep();
    await h.sweep();
    expect(h.provider.requests.map((r) => r.body.to)).toEqual(["ben@deliver.example"]);
    expect((await h.rows(db))[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a provider 500 is retried with backoff and the email is sent once, both attempts counted", async () => {
    const { token, db } = await h.org("deliver-retry");
    h.provider.script.push(500);
    await h.invite(token, "cy@deliver.example");
    await h.deliver();

    const [waiting] = await h.rows(db);
    expect(waiting).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "The email provider refused the message (500).",
    });
    // The first retry waits between half a minute and a minute (a minute, jittered).
    const wait = waiting!.nextAttemptAt.getTime() - h.clock.now.getTime();
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThanOrEqual(minute);

    await h.sweep();
    expect(h.provider.requests).toHaveLength(1);
    h.clock.advance(minute);
    await h.sweep();
    expect(h.provider.requests.map((r) => r.status)).toEqual([500, 202]);
    const [first, second] = h.provider.requests;
    expect(second!.headers["idempotency-key"]).toBe(first!.headers["idempotency-key"]);
    expect(h.provider.accepted()).toHaveLength(1);
    expect((await h.rows(db))[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("429 and unreachable providers are retried too; after 8 attempts the email is dead", async () => {
    const { token, db } = await h.org("deliver-give-up");
    h.provider.script.push(429, 503, 500, 502, 504, 500, 503, 500);
    await h.invite(token, "dee@deliver.example");
    await h.deliver();
    for (let attempt = 2; attempt <= 8; attempt++) {
      h.clock.advance(6 * 60 * minute);
      await h.sweep();
    }
    expect(h.provider.requests).toHaveLength(8);
    const [row] = await h.rows(db);
    expect(row).toMatchObject({
      status: "dead",
      attempts: 8,
      lastError: "Gave up after 8 attempts: The email provider refused the message (500).",
    });
    h.clock.advance(24 * 60 * minute);
    await h.sweep();
    expect(h.provider.requests).toHaveLength(8);
  });

  it("redelivered and concurrent deliver messages send nothing twice", async () => {
    const { token, db, tenantId } = await h.org("deliver-concurrent");
    const { restore } = h.holdNudges();
    try {
      for (let i = 0; i < 30; i++) await h.invite(token, `p${i}@deliver.example`);
    } finally {
      restore();
    }
    // Slow answers keep the deliverers' claims overlapping.
    h.provider.delayMs = 20;
    await Promise.all([
      h.queue.sendBatch([deliveryMessage(tenantId), deliveryMessage(tenantId)]),
      deliverTenant(h.platform, tenantId),
      deliverTenant(h.platform, tenantId),
    ]);
    await h.deliver();
    await h.queue.sendBatch([deliveryMessage(tenantId)]);
    await h.deliver();

    const keys = h.provider.requests.map((r) => String(r.headers["idempotency-key"]));
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
    const rows = await h.rows(db);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ["sent", 1]));
  });

  it("a tenant whose database fails does not hold up another tenant's emails", async () => {
    const { token: brokenToken } = await h.org("deliver-broken");
    const { token, db } = await h.org("deliver-healthy");
    const { restore } = h.holdNudges();
    try {
      await h.invite(brokenToken, "lost@deliver.example");
      await h.invite(token, "fine@deliver.example");
    } finally {
      restore();
    }
    await h.breakTenantDb("deliver-broken");
    await h.sweep();
    expect(h.provider.requests.map((r) => r.body.to)).toEqual(["fine@deliver.example"]);
    expect((await h.rows(db))[0]).toMatchObject({ status: "sent" });
    expect(h.queue.deadLetters.map((d) => d.body.kind ?? "sweep")).toContain("sweep");
  });
});
