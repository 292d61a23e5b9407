import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddedWebhookTarget } from "../../workers/shared/src/contracts/webhooks";
import { type Edge, startEdge } from "../support/edge-harness";
import {
  startWebhookSink,
  verifiesWith,
  type WebhookSink,
} from "../support/reminders/webhook-sink";

// The API Worker takes the target; the scheduler Worker, in workerd, signs and posts to it.
let edge: Edge;
let sink: WebhookSink;
beforeAll(async () => {
  sink = await startWebhookSink();
  edge = await startEdge({ apiBindings: { WEBHOOK_ALLOW_LOCAL: "true" } });
  await edge.createTenant("edgehooks");
});
afterAll(async () => {
  await edge?.close();
  await sink?.close();
});

async function waitFor<T>(probe: () => T, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("webhook posts from the scheduler Worker", () => {
  it("posts an admin's test once, signed with the target's secret", async () => {
    const token = await edge.tokenFor("edgehooks");
    const added = await edge.api("/v1/webhook-targets", {
      method: "POST",
      token,
      body: JSON.stringify({ name: "Coordinators", url: sink.url }),
    });
    expect(added.status).toBe(201);
    const target = (await added.json()) as AddedWebhookTarget;
    const test = await edge.api(`/v1/webhook-targets/${target.id}/test`, { method: "POST", token });
    expect(test.status).toBe(201);

    const posts = await waitFor(
      () => sink.accepted(),
      (p) => p.length > 0,
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers["content-type"]).toBe("application/json");
    expect(posts[0]!.body.text).toContain("is connected");
    expect(verifiesWith(target.secret, posts[0]!)).toBe(true);
    expect(edge.output.join("")).not.toContain(new URL(sink.url).pathname);
  });
});
