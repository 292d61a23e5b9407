import { afterAll, beforeAll, expect, it } from "vitest";
import {
  clientTokenIds,
  emailTokens,
  loginThrottle,
  outbox,
  refreshTokens,
} from "../../../db/tenant/schema";
import { enqueueSweeps } from "../../../workers/scheduler/src/sweep";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";

const now = new Date("2031-03-10T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const hour = 60 * 60 * 1000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: () => now });
  await h.createTenant("tidy");
});
afterAll(() => h.close());

it("a sweep removes stale sign-in windows, expired refresh tokens, old email links, spent client token ids and long-sent outbox rows only", async () => {
  const db = await h.platform.connections.db(await findTenantBySlug(h.platform.control, "tidy"));
  const token = (id: string, expiresAt: Date) => ({
    id,
    memberId: "m1",
    familyId: "f1",
    tokenHash: `hash-${id}`,
    createdAt: ago(40 * 24 * hour),
    expiresAt,
  });
  await db.insert(loginThrottle).values([
    { key: "account:old@x.test", failures: 3, windowStartedAt: ago(48 * hour) },
    { key: "account:now@x.test", failures: 2, windowStartedAt: ago(5 * 60 * 1000) },
  ]);
  await db.insert(refreshTokens).values([token("expired", ago(hour)), token("live", ago(-hour))]);
  await db.insert(emailTokens).values([
    {
      id: "old",
      memberId: "m1",
      purpose: "password_reset",
      tokenHash: "e-old",
      createdAt: ago(50 * hour),
      expiresAt: ago(49 * hour),
    },
    {
      id: "recent",
      memberId: "m1",
      purpose: "password_reset",
      tokenHash: "e-new",
      createdAt: ago(2 * hour),
      expiresAt: ago(hour),
    },
  ]);
  const sent = (id: string, status: "sent" | "dead", at: Date) => ({
    id,
    key: `test:${id}`,
    channel: "email" as const,
    recipient: "r@x.test",
    subject: "s",
    payload: null,
    status,
    attempts: 1,
    nextAttemptAt: at,
    createdAt: at,
    sentAt: status === "sent" ? at : null,
  });
  await db
    .insert(outbox)
    .values([
      sent("sent-long-ago", "sent", ago(31 * 24 * hour)),
      sent("sent-lately", "sent", ago(29 * 24 * hour)),
      sent("dead-long-ago", "dead", ago(90 * 24 * hour)),
    ]);
  await db.insert(clientTokenIds).values([
    { clientId: "cli_a", jti: "spent", expiresAt: ago(hour) },
    { clientId: "cli_a", jti: "current", expiresAt: ago(-hour) },
  ]);

  await enqueueSweeps(h.platform.control, h.queue, now);
  await h.queue.idle();

  expect((await db.select().from(loginThrottle)).map((r) => r.key)).toEqual(["account:now@x.test"]);
  expect((await db.select().from(refreshTokens)).map((r) => r.id)).toEqual(["live"]);
  expect((await db.select().from(emailTokens)).map((r) => r.id)).toEqual(["recent"]);
  expect((await db.select().from(outbox)).map((r) => r.id).sort()).toEqual([
    "dead-long-ago",
    "sent-lately",
  ]);
  expect((await db.select().from(clientTokenIds)).map((r) => r.jti)).toEqual(["current"]);
});
