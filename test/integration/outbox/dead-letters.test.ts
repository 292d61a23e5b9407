import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../db/tenant/schema";
import type { OutboxEntry } from "../../../workers/shared/src/contracts/outbox";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import { expectProblem } from "../../support/problem";
import { sendJson } from "../../support/programs-fixtures";

let h: OutboxHarness;
beforeAll(async () => {
  h = await startOutboxHarness();
});
afterAll(() => h.close());

interface Listing {
  items: OutboxEntry[];
  nextCursor: string | null;
}

const list = async (token: string, query = "") => {
  const res = await sendJson(h, "GET", `/v1/outbox${query}`, token);
  expect(res.status).toBe(200);
  return { text: await res.clone().text(), body: (await res.json()) as Listing };
};

describe("dead letters and the admin's retry", () => {
  it("a provider 4xx goes straight to dead, shows in ?status=dead, and a retry delivers it", async () => {
    const { token, db } = await h.org("dead-4xx");
    h.provider.script.push(422);
    const id = await h.invite(token, "typo@dead.example");
    await h.invite(token, "fine@dead.example");
    await h.deliver();
    expect(h.provider.requests.map((r) => r.status).sort()).toEqual([202, 422]);

    const { text, body } = await list(token, "?status=dead");
    expect(body.nextCursor).toBeNull();
    expect(body.items).toEqual([
      {
        id: expect.any(String),
        channel: "email",
        recipient: "typo@dead.example",
        subject: "admin-1 invited you to dead-4xx University on Tandem",
        status: "dead",
        attempts: 1,
        lastError: "The email provider refused the message (422).",
        createdAt: h.clock.now.toISOString(),
        nextAttemptAt: null,
        sentAt: null,
      },
    ]);
    // Never the body, its link, or the sealed payload.
    expect(text).not.toContain("accept#token=");
    expect(text).not.toContain("v1.");
    expect(text).not.toContain(`invitation:${id}`);
    // A later sweep, past the lease and any retry time, leaves a dead letter alone.
    h.clock.advance(10 * 60_000);
    await h.sweep();
    expect(h.provider.requests).toHaveLength(2);

    const deadId = body.items[0]!.id;
    const retry = await sendJson(h, "POST", `/v1/outbox/${deadId}/retry`, token);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({
      id: deadId,
      status: "pending",
      attempts: 0,
      nextAttemptAt: h.clock.now.toISOString(),
    });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, "outbox.retry"));
    expect(entry).toMatchObject({ actorType: "member", actorId: "admin-1", subjectId: deadId });
    expect(entry!.detail).toMatchObject({ channel: "email", recipient: "typo@dead.example" });

    await h.deliver();
    const last = h.provider.requests.at(-1)!;
    expect(last).toMatchObject({ status: 202, body: { to: "typo@dead.example" } });
    expect(last.body.text).toContain("/o/dead-4xx/accept#token=");
    expect((await list(token, "?status=dead")).body.items).toEqual([]);
    const sent = (await list(token, "?status=sent")).body.items;
    expect(sent.map((e) => e.recipient).sort()).toEqual(["fine@dead.example", "typo@dead.example"]);
    expect(sent.find((e) => e.recipient === "typo@dead.example")).toMatchObject({ attempts: 1 });
  });

  it("only a dead delivery can be retried; unknown ids are 404; bad input is 400", async () => {
    const { token } = await h.org("dead-rules");
    await h.invite(token, "ok@dead.example");
    await h.deliver();
    const [sent] = (await list(token)).body.items;
    const again = await sendJson(h, "POST", `/v1/outbox/${sent!.id}/retry`, token);
    const problem = await expectProblem(again, 409, "conflict");
    expect(problem.detail).toBe("Only failed deliveries can be retried; this one is sent.");
    await expectProblem(
      await sendJson(h, "POST", "/v1/outbox/nope/retry", token),
      404,
      "not_found",
    );
    const bad = await sendJson(h, "GET", "/v1/outbox?status=bounced", token);
    expect((await expectProblem(bad, 400, "validation")).errors[0]!.field).toBe("status");
  });

  it("pages newest first with a cursor", async () => {
    const { token } = await h.org("dead-pages");
    for (const who of ["a", "b", "c"]) {
      await h.invite(token, `${who}@pages.example`);
      h.clock.advance(1000);
    }
    await h.deliver();
    const first = (await list(token, "?limit=2")).body;
    expect(first.items.map((e) => e.recipient)).toEqual(["c@pages.example", "b@pages.example"]);
    const cursor = encodeURIComponent(first.nextCursor!);
    const second = (await list(token, `?limit=2&cursor=${cursor}`)).body;
    expect(second.items.map((e) => e.recipient)).toEqual(["a@pages.example"]);
    expect(second.nextCursor).toBeNull();
  });
});
