import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../../db/tenant/schema";
import type { OutboxEntry } from "../../../workers/shared/src/contracts/outbox";
import type { AddedWebhookTarget } from "../../../workers/shared/src/contracts/webhooks";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import { sendJson } from "../../support/programs-fixtures";
import {
  startWebhookSink,
  verifiesWith,
  type WebhookSink,
} from "../../support/reminders/webhook-sink";

let h: OutboxHarness;
let sink: WebhookSink;
beforeAll(async () => {
  h = await startOutboxHarness();
  h.platform.allowLocalWebhooks = true;
});
afterAll(() => h.close());
afterEach(() => sink?.close());

async function orgWithTarget(slug: string) {
  sink = await startWebhookSink();
  const org = await h.org(slug);
  const res = await sendJson(h, "POST", "/v1/webhook-targets", org.token, {
    name: "Coordinators",
    url: sink.url,
  });
  expect(res.status).toBe(201);
  return { ...org, target: (await res.json()) as AddedWebhookTarget };
}

async function testPost(token: string, targetId: string) {
  const res = await sendJson(h, "POST", `/v1/webhook-targets/${targetId}/test`, token);
  expect(res.status).toBe(201);
  return (await res.json()) as OutboxEntry;
}

const entry = async (token: string, id: string) => {
  const res = await sendJson(h, "GET", "/v1/outbox", token);
  return ((await res.json()) as { items: OutboxEntry[] }).items.find((e) => e.id === id)!;
};

describe("webhook deliveries", () => {
  it("posts {text} as JSON, signed with the target's secret, with the row's key as idempotency key", async () => {
    const { token, db, target } = await orgWithTarget("post-signed");
    const queued = await testPost(token, target.id);
    await h.deliver();

    const [post, ...more] = sink.posts;
    expect(more).toEqual([]);
    const [row] = await db.select().from(outbox).where(eq(outbox.id, queued.id));
    expect(post!.headers["content-type"]).toBe("application/json");
    expect(post!.body).toEqual({
      text:
        'Tandem test post for post-signed University: "Coordinators" is connected. ' +
        "Coordinator reminders of programs that use the webhook channel will be posted here.",
    });
    expect(post!.headers["webhook-id"]).toBe(row!.key);
    expect(post!.headers["idempotency-key"]).toBe(row!.key);
    expect(post!.headers["webhook-timestamp"]).toBe(String(h.clock.now.getTime() / 1000));
    expect(verifiesWith(target.secret, post!)).toBe(true);
    expect(verifiesWith(target.secret, { ...post!, raw: `${post!.raw} ` })).toBe(false);
    expect(await entry(token, queued.id)).toMatchObject({ status: "sent", attempts: 1 });
    expect(row!.payload).toBeNull();
  });

  it("retries after a 500 and a 429 and delivers once when the receiver recovers", async () => {
    const { token, target } = await orgWithTarget("post-retry");
    sink.script.push(500, 429);
    const queued = await testPost(token, target.id);
    await h.deliver();
    expect(await entry(token, queued.id)).toMatchObject({
      status: "pending",
      lastError: "The webhook refused the post (500).",
    });
    h.clock.advance(2 * 60_000);
    await h.sweep();
    expect(await entry(token, queued.id)).toMatchObject({
      status: "pending",
      lastError: "The webhook refused the post (429).",
    });
    h.clock.advance(5 * 60_000);
    await h.sweep();
    await h.sweep();
    expect(sink.posts.map((p) => p.status)).toEqual([500, 429, 200]);
    expect(new Set(sink.posts.map((p) => p.headers["webhook-id"])).size).toBe(1);
    expect(sink.accepted()).toHaveLength(1);
    expect(await entry(token, queued.id)).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("does not follow a redirect: the post ends dead", async () => {
    const { token, target } = await orgWithTarget("post-redirect");
    sink.script.push(302);
    const queued = await testPost(token, target.id);
    await h.deliver();
    expect(await entry(token, queued.id)).toMatchObject({
      status: "dead",
      lastError: "The webhook refused the post (302).",
    });
    expect(sink.posts).toHaveLength(1);
  });

  it("dead-letters a post the receiver refuses (400), and an admin's retry sends it", async () => {
    const { token, target } = await orgWithTarget("post-dead");
    sink.script.push(400);
    const queued = await testPost(token, target.id);
    await h.deliver();
    expect(await entry(token, queued.id)).toMatchObject({
      status: "dead",
      lastError: "The webhook refused the post (400).",
    });
    const retry = await sendJson(h, "POST", `/v1/outbox/${queued.id}/retry`, token);
    expect(retry.status).toBe(200);
    await h.deliver();
    expect(sink.posts.map((p) => p.status)).toEqual([400, 200]);
    expect(verifiesWith(target.secret, sink.posts[1]!)).toBe(true);
    expect(await entry(token, queued.id)).toMatchObject({ status: "sent" });
  });

  it("dead-letters posts for a target disabled or deleted before they went out", async () => {
    const { token, target, tenantId } = await orgWithTarget("post-gone");
    const nudges = h.holdNudges();
    const first = await testPost(token, target.id);
    await sendJson(h, "PATCH", `/v1/webhook-targets/${target.id}`, token, { status: "disabled" });
    nudges.restore();
    await h.sweep();
    expect(await entry(token, first.id)).toMatchObject({
      status: "dead",
      lastError: "The webhook target is disabled.",
    });

    await sendJson(h, "PATCH", `/v1/webhook-targets/${target.id}`, token, { status: "active" });
    const held = h.holdNudges();
    const second = await testPost(token, target.id);
    await sendJson(h, "DELETE", `/v1/webhook-targets/${target.id}`, token);
    held.restore();
    // A post whose nudge was lost goes out with the tenant's next sweep (a full one, within
    // the hour) or its next delivery.
    await h.platform.sweeps.sendBatch([{ body: { kind: "deliver", tenantId } }]);
    await h.deliver();
    expect(await entry(token, second.id)).toMatchObject({
      status: "dead",
      lastError: "The webhook target was deleted.",
    });
    expect(sink.posts).toEqual([]);
  });

  it("keeps the URL out of logs and errors when the receiver cannot be reached", async () => {
    const { token, target } = await orgWithTarget("post-unreachable");
    await sink.close();
    const queued = await testPost(token, target.id);
    await h.deliver();
    expect(await entry(token, queued.id)).toMatchObject({
      status: "pending",
      lastError: "The webhook could not be reached.",
    });
    const path = new URL(sink.url).pathname;
    expect(h.rawLogs.join("\n")).not.toContain(path);
  });
});
