import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, webhookTargets } from "../../../db/tenant/schema";
import type { OutboxEntry } from "../../../workers/shared/src/contracts/outbox";
import type {
  AddedWebhookTarget,
  WebhookTargetView,
} from "../../../workers/shared/src/contracts/webhooks";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import { integrationClient } from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { sendJson } from "../../support/programs-fixtures";

let h: OutboxHarness;
beforeAll(async () => {
  h = await startOutboxHarness();
});
afterAll(() => h.close());

const slackUrl = "https://hooks.slack.com/services/T0AAAA/B0BBBB/very-secret-token-123";

async function add(token: string, body: unknown) {
  return sendJson(h, "POST", "/v1/webhook-targets", token, body);
}

async function added(token: string, name = "Coordinators' channel", url = slackUrl) {
  const res = await add(token, { name, url });
  expect(res.status).toBe(201);
  return (await res.json()) as AddedWebhookTarget;
}

async function listing(token: string) {
  const res = await sendJson(h, "GET", "/v1/webhook-targets", token);
  expect(res.status).toBe(200);
  const text = await res.clone().text();
  return { text, items: ((await res.json()) as { items: WebhookTargetView[] }).items };
}

describe("webhook targets", () => {
  it("adds a target, shows its secret once, and lists it with a masked URL only", async () => {
    const { token, db } = await h.org("hooks-add");
    const target = await added(token);
    expect(target).toMatchObject({
      name: "Coordinators' channel",
      maskedUrl: "hooks.slack.com/services/••••",
      status: "active",
    });
    expect(target.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const { text, items } = await listing(token);
    expect(items).toEqual([
      {
        id: target.id,
        name: "Coordinators' channel",
        maskedUrl: "hooks.slack.com/services/••••",
        status: "active",
        createdAt: h.clock.now.toISOString(),
        updatedAt: h.clock.now.toISOString(),
      },
    ]);
    expect(text).not.toContain("very-secret-token");
    expect(text).not.toContain(target.secret);
    // Sealed at rest: neither the URL nor the secret is readable in the database.
    const [row] = await db.select().from(webhookTargets);
    expect(JSON.stringify(row)).not.toContain("very-secret-token");
    expect(JSON.stringify(row)).not.toContain(target.secret);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "webhook_target.add"));
    expect(audit).toMatchObject({ actorId: "admin-1", subjectId: target.id });
    expect(JSON.stringify(audit)).not.toContain("very-secret-token");
  });

  it("refuses URLs that are not public https addresses, with a 400 naming the field", async () => {
    const { token, db } = await h.org("hooks-bad");
    const refused = {
      "http://hooks.slack.com/services/x": "https://",
      "ftp://hooks.example.com/x": "https://",
      "https://user:pw@hooks.example.com/x": "user name or password",
      "https://hooks.example.com:8443/x": "default https port",
      "https://10.0.0.5/hook": "inside a network",
      "https://localhost/hook": "inside a network",
      "http://127.0.0.1:9/hook": "https://",
      "not a url": "web address",
    };
    for (const [url, words] of Object.entries(refused)) {
      const problem = await expectProblem(await add(token, { name: "x", url }), 400, "validation");
      expect(problem.errors).toEqual([{ field: "url", message: expect.stringContaining(words) }]);
    }
    const long = `https://hooks.example.com/${"a".repeat(2000)}`;
    await expectProblem(await add(token, { name: "x", url: long }), 400, "validation");
    await expectProblem(await add(token, { name: "", url: slackUrl }), 400, "validation");
    await expectProblem(await add(token, { url: slackUrl }), 400, "validation");
    expect(await db.select().from(webhookTargets)).toEqual([]);
  });

  it("accepts a local http URL only where the platform allows it (dev and tests)", async () => {
    const { token } = await h.org("hooks-local");
    const url = "http://127.0.0.1:9999/hook";
    await expectProblem(await add(token, { name: "Local", url }), 400, "validation");
    h.platform.allowLocalWebhooks = true;
    try {
      expect((await add(token, { name: "Local", url })).status).toBe(201);
    } finally {
      h.platform.allowLocalWebhooks = false;
    }
  });

  it("renames, disables, enables and deletes a target, each change audited", async () => {
    const { token, db } = await h.org("hooks-change");
    const target = await added(token);
    const path = `/v1/webhook-targets/${target.id}`;
    const renamed = await sendJson(h, "PATCH", path, token, { name: "Pairs desk" });
    expect(await renamed.json()).toMatchObject({ name: "Pairs desk", status: "active" });
    const disabled = await sendJson(h, "PATCH", path, token, { status: "disabled" });
    expect(await disabled.json()).toMatchObject({ name: "Pairs desk", status: "disabled" });
    await expectProblem(await sendJson(h, "PATCH", path, token, {}), 400, "validation");
    await expectProblem(
      await sendJson(h, "PATCH", path, token, { status: "paused" }),
      400,
      "validation",
    );
    await expectProblem(await sendJson(h, "POST", `${path}/test`, token), 409, "conflict");
    const enabled = await sendJson(h, "PATCH", path, token, { status: "active" });
    expect(await enabled.json()).toMatchObject({ status: "active" });

    expect((await sendJson(h, "DELETE", path, token)).status).toBe(204);
    expect((await listing(token)).items).toEqual([]);
    await expectProblem(await sendJson(h, "DELETE", path, token), 404, "not_found");
    await expectProblem(await sendJson(h, "PATCH", path, token, { name: "x" }), 404, "not_found");

    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, "webhook_target.%"));
    expect(actions.map((a) => a.action)).toEqual([
      "webhook_target.add",
      "webhook_target.change",
      "webhook_target.change",
      "webhook_target.change",
      "webhook_target.remove",
    ]);
  });

  it("queues a test post, which the deliveries list shows under the target's id", async () => {
    const { token } = await h.org("hooks-test");
    const target = await added(token);
    h.holdNudges();
    const res = await sendJson(h, "POST", `/v1/webhook-targets/${target.id}/test`, token);
    expect(res.status).toBe(201);
    const entry = (await res.json()) as OutboxEntry;
    expect(entry).toMatchObject({
      channel: "webhook",
      recipient: target.id,
      subject: "Test post to Coordinators' channel",
      status: "pending",
    });
    const outbox = await sendJson(h, "GET", "/v1/outbox", token);
    expect(((await outbox.json()) as { items: OutboxEntry[] }).items).toEqual([entry]);
  });

  it("is for signed-in admins only: members and integrations get 403", async () => {
    const slug = "hooks-authz";
    const { token } = await h.org(slug);
    const target = await added(token);
    const member = await h.tokenFor(slug, { memberId: "plain", role: "member" });
    const client = await integrationClient(
      h,
      slug,
      ["members:read", "programs:write"],
      () => h.clock.now,
    );
    for (const as of [async () => member, client]) {
      const caller = await as();
      await expectProblem(
        await sendJson(h, "GET", "/v1/webhook-targets", caller),
        403,
        "forbidden",
      );
      await expectProblem(await add(await as(), { name: "x", url: slackUrl }), 403, "forbidden");
      const path = `/v1/webhook-targets/${target.id}`;
      await expectProblem(await sendJson(h, "DELETE", path, await as()), 403, "forbidden");
      await expectProblem(await sendJson(h, "POST", `${path}/test`, await as()), 403, "forbidden");
    }
    expect((await listing(token)).items).toHaveLength(1);
  });

  it("never shows or changes another organization's targets", async () => {
    const { token: ours } = await h.org("hooks-ours");
    const { token: theirs } = await h.org("hooks-theirs");
    const target = await added(ours);
    expect((await listing(theirs)).items).toEqual([]);
    const path = `/v1/webhook-targets/${target.id}`;
    await expectProblem(await sendJson(h, "PATCH", path, theirs, { name: "x" }), 404, "not_found");
    await expectProblem(await sendJson(h, "POST", `${path}/test`, theirs), 404, "not_found");
    await expectProblem(await sendJson(h, "DELETE", path, theirs), 404, "not_found");
    expect((await listing(ours)).items).toMatchObject([{ id: target.id, status: "active" }]);
  });
});
