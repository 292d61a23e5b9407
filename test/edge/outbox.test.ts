import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../../db/tenant/schema";
import { connectNode } from "../../host/platform";
import { tenantDb } from "../../workers/shared/src/platform/db";
import { createOutbox } from "../../workers/shared/src/platform/outbox";
import { type Edge, startEdge } from "../support/edge-harness";
import { type MailProvider, providerKey, startMailProvider } from "../support/mail-provider";

// Both Workers in workerd with email going to a local HTTP sink standing in for the provider.
let edge: Edge;
let provider: MailProvider;
let tenantId: string;
beforeAll(async () => {
  provider = await startMailProvider();
  edge = await startEdge({ schedulerBindings: provider.env });
  tenantId = (await edge.createTenant("edgemail")).id;
});
afterAll(async () => {
  await edge?.close();
  await provider?.close();
});

async function outboxRows() {
  const client = connectNode(edge.gateway.databaseUrl("edgemail"), edge.gateway.token);
  const rows = await tenantDb(client).select().from(outbox);
  client.close();
  return rows;
}

async function waitFor<T>(probe: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("the scheduler Worker's queue consumer delivers the outbox", () => {
  it("sends the email an API request wrote, once, with its Idempotency-Key", async () => {
    const res = await edge.api("/v1/members/invitations", {
      method: "POST",
      token: await edge.tokenFor("edgemail"),
      body: JSON.stringify({ email: "ada@edge.example" }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const rows = await waitFor(outboxRows, (r) => r[0]?.status === "sent");
    expect(rows).toEqual([expect.objectContaining({ status: "sent", attempts: 1, payload: null })]);
    const [sent, ...more] = provider.requests;
    expect(more).toEqual([]);
    expect(sent!.headers["idempotency-key"]).toBe(`${tenantId}:invitation:${id}`);
    expect(sent!.headers.authorization).toBe(`Bearer ${providerKey}`);
    expect(sent!.body).toMatchObject({ to: "ada@edge.example", from: provider.env.MAIL_FROM });
    expect(sent!.body.text).toContain("https://tandem.test/o/edgemail/accept#token=");
  });

  it("a row whose nudge never came goes out with the next cron tick's sweep", async () => {
    const client = connectNode(edge.gateway.databaseUrl("edgemail"), edge.gateway.token);
    const db = tenantDb(client);
    const sealKey = edge.operator.sealKey;
    const message = { to: "ben@edge.example", subject: "Left behind", text: "Hello Ben" };
    const written = await createOutbox({ db, now: new Date(), sealKey }).email(message, "edge:1");
    await db.batch([...written]);
    client.close();

    const scheduler = await edge.mf.getWorker("scheduler");
    await scheduler.scheduled({ scheduledTime: new Date(), cron: "*/5 * * * *" });
    await waitFor(
      () => provider.requests,
      (r) => r.some((x) => x.body.to === "ben@edge.example"),
    );
    expect(provider.requests.filter((r) => r.body.to === "ben@edge.example")).toEqual([
      expect.objectContaining({ status: 202, body: expect.objectContaining(message) }),
    ]);
    const logs = edge.output.join("");
    expect(logs).not.toContain(providerKey);
    expect(logs).not.toContain("#token=");
  });
});

describe("a keyed bulk write in workerd", () => {
  it("a retried bulk invitation answers the first answer and emails each person once", async () => {
    const send = async () =>
      edge.api("/v1/members/invitations/bulk", {
        method: "POST",
        token: await edge.tokenFor("edgemail"),
        headers: { "idempotency-key": "edge-batch-1" },
        body: JSON.stringify({
          rows: [{ email: "bo@edge.example" }, { email: "cy@edge.example" }],
          mode: "all_or_nothing",
        }),
      });
    const first = await send();
    expect(first.status).toBe(200);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    const ours = (rows: Awaited<ReturnType<typeof outboxRows>>) =>
      rows.filter((r) => ["bo@edge.example", "cy@edge.example"].includes(r.recipient));
    const sent = ours(
      await waitFor(outboxRows, (r) => ours(r).every((row) => row.status === "sent")),
    );
    expect(sent.map((r) => r.status)).toEqual(["sent", "sent"]);
    const mailed = provider.requests.filter((r) => /^(bo|cy)@/.test(String(r.body.to)));
    expect(mailed.map((r) => r.body.to).sort()).toEqual(["bo@edge.example", "cy@edge.example"]);
  });
});
