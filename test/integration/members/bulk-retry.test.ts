import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, idempotentRequests, invitations, outbox } from "../../../db/tenant/schema";
import { DevMailbox } from "../../../host/dev-mailbox";
import { pruneTenant } from "../../../workers/scheduler/src/housekeeping";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { findTenantBySlug } from "../../../workers/shared/src/tenancy/tenants";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function org(slug: string): Promise<{ token: string; db: TenantDb }> {
  await h.createTenant(slug);
  const token = await h.tokenFor(slug, { memberId: "admin-1", role: "admin" });
  const db = await h.platform.connections.db(await findTenantBySlug(h.platform.control, slug));
  return { token, db };
}

const bulk = (token: string, body: unknown, key?: string) =>
  h.request("/v1/members/invitations/bulk", {
    method: "POST",
    token,
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) },
  });

const rowsFor = (domain: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ email: `person${i}@${domain}` }));

async function counts(db: TenantDb) {
  const audits = await db.select().from(auditLog).where(eq(auditLog.action, "member.invite"));
  const emails = await db.select().from(outbox);
  return {
    invitations: (await db.select().from(invitations)).length,
    audits: audits.length,
    emails: emails.length,
  };
}

describe("POST /v1/members/invitations/bulk with an Idempotency-Key", () => {
  it("a 500-row batch retried after its answer was lost returns the first answer and writes nothing twice", async () => {
    const { token, db } = await org("retry-500");
    const body = { rows: rowsFor("retry.example", 500), mode: "all_or_nothing" };
    const first = await bulk(token, body, "import-2026-12-01");
    expect(first.status).toBe(200);
    const firstBody = (await first.json()) as { created: { id: string }[] };
    // The caller never saw that answer (a timeout, a crash just after the commit): it retries.
    const retry = await bulk(token, body, "import-2026-12-01");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(firstBody);
    expect(firstBody.created).toHaveLength(500);
    // Every invitation has its audit entry and its email, each once.
    expect(await counts(db)).toEqual({ invitations: 500, audits: 500, emails: 500 });
    await h.deliver();
    if (!(h.platform.mail instanceof DevMailbox)) throw new Error("expected the dev mailbox");
    const sent = h.platform.mail
      .list({ limit: 10_000 })
      .filter((m) => m.to.endsWith("@retry.example"));
    expect(new Set(sent.map((m) => m.to)).size).toBe(500);
    expect(sent).toHaveLength(500);
  });

  it("the same key with a different body is a 409 and changes nothing", async () => {
    const { token, db } = await org("retry-other");
    const key = "batch-a";
    expect(
      (await bulk(token, { rows: rowsFor("a.example", 2), mode: "valid_only" }, key)).status,
    ).toBe(200);
    const problem = await expectProblem(
      await bulk(token, { rows: rowsFor("b.example", 2), mode: "valid_only" }, key),
      409,
      "conflict",
    );
    expect(problem.detail).toMatch(/different request/);
    expect((await counts(db)).invitations).toBe(2);
  });

  it("concurrent sends of one keyed batch write it once and all answer alike", async () => {
    const { token, db } = await org("retry-race");
    const body = { rows: rowsFor("race.example", 20), mode: "valid_only" };
    const answers = await Promise.all(Array.from({ length: 5 }, () => bulk(token, body, "race")));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(await counts(db)).toEqual({ invitations: 20, audits: 20, emails: 20 });
  });

  it("keys belong to their sender: another admin's same key is a request of its own", async () => {
    const { token, db } = await org("retry-owner");
    const other = await h.tokenFor("retry-owner", { memberId: "admin-2", role: "admin" });
    expect(
      (await bulk(token, { rows: rowsFor("one.example", 1), mode: "valid_only" }, "k")).status,
    ).toBe(200);
    const second = await bulk(other, { rows: rowsFor("two.example", 1), mode: "valid_only" }, "k");
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    expect((await counts(db)).invitations).toBe(2);
  });

  it("a refused batch is not remembered: fixed and resent with the same key, it goes through", async () => {
    const { token } = await org("retry-fix");
    const bad = { rows: [{ email: "nope" }], mode: "all_or_nothing" };
    await expectProblem(await bulk(token, bad, "fix-me"), 400, "validation");
    const fixed = await bulk(
      token,
      { rows: [{ email: "yes@fix.example" }], mode: "all_or_nothing" },
      "fix-me",
    );
    expect(fixed.status).toBe(200);
  });

  it("refuses a malformed key with a 400 naming the header", async () => {
    const { token } = await org("retry-badkey");
    for (const key of ["x".repeat(256), "has space"]) {
      const problem = await expectProblem(
        await bulk(token, { rows: rowsFor("bad.example", 1), mode: "valid_only" }, key),
        400,
        "validation",
      );
      expect(problem.errors?.[0]?.field).toBe("idempotency-key");
    }
  });

  it("keeps a key for 24 hours: the sweep then forgets it", async () => {
    const { token, db } = await org("retry-expiry");
    expect(
      (await bulk(token, { rows: rowsFor("exp.example", 1), mode: "valid_only" }, "old")).status,
    ).toBe(200);
    const [row] = await db
      .select()
      .from(idempotentRequests)
      .where(eq(idempotentRequests.key, "old"));
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
    await pruneTenant(db, new Date(row!.createdAt.getTime() + 24 * 60 * 60 * 1000 - 1));
    expect(await db.select().from(idempotentRequests)).toHaveLength(1);
    await pruneTenant(db, new Date(row!.expiresAt.getTime() + 1));
    expect(await db.select().from(idempotentRequests)).toHaveLength(0);
  });
});
