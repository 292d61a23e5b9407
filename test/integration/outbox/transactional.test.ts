import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, enrollments, invitations, members } from "../../../db/tenant/schema";
import { type OutboxHarness, startOutboxHarness } from "../../support/outbox-fixtures";
import { expectProblem } from "../../support/problem";
import { insertEnrollment, insertProgram, sendJson } from "../../support/programs-fixtures";

let h: OutboxHarness;
beforeAll(async () => {
  h = await startOutboxHarness();
});
afterAll(() => h.close());

describe("a change and its outbox row commit together", () => {
  it("an invitation and its email row are written in one go, the body sealed at rest", async () => {
    const { token, db } = await h.org("tx-basic");
    const { held, restore } = h.holdNudges();
    try {
      const id = await h.invite(token, "ada@tx.example");
      const [row, ...others] = await h.rows(db);
      expect(others).toEqual([]);
      expect(row).toMatchObject({
        key: `invitation:${id}`,
        channel: "email",
        recipient: "ada@tx.example",
        subject: "admin-1 invited you to tx-basic University on Tandem",
        status: "pending",
        attempts: 0,
        lastError: null,
        sentAt: null,
      });
      expect(row!.nextAttemptAt).toEqual(h.clock.now);
      // The link's token and the text are sealed; only recipient and subject are readable.
      expect(row!.payload!.sealed).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain("accept#token=");
      expect(JSON.stringify(row)).not.toContain("peer mentoring");
      // Nothing was sent during the request: the email waits for the nudge it asked for.
      expect(h.provider.requests).toEqual([]);
      await h.deliver();
      expect(h.provider.requests).toEqual([]);
      const tenant = (await h.platform.tenants.byId(held[0]!.tenantId))!;
      expect(held).toEqual([{ kind: "deliver", tenantId: tenant.id }]);
      expect(tenant.slug).toBe("tx-basic");
    } finally {
      restore();
    }
  });

  it("a failing row insert rolls the change back: no invitation, member or audit entry", async () => {
    const { token, db } = await h.org("tx-outbox-fails");
    await db.run(
      "CREATE TRIGGER outbox_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox full'); END",
    );
    const res = await h.request("/v1/members/invitations", {
      method: "POST",
      token,
      body: JSON.stringify({ email: "ben@tx.example" }),
      headers: { "content-type": "application/json" },
    });
    await expectProblem(res, 500, "internal");
    expect(await db.select().from(invitations)).toEqual([]);
    expect(await db.select().from(members).where(eq(members.email, "ben@tx.example"))).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "member.invite"))).toEqual(
      [],
    );
    expect(await h.rows(db)).toEqual([]);
    // Nothing is logged of the message it would have sent.
    expect(h.rawLogs.join("\n")).not.toContain("ben@tx.example");
  });

  it("a failing change writes no row: a decision the database refuses leaves no email", async () => {
    const { token, db } = await h.org("tx-change-fails");
    const programId = await insertProgram(db, { name: "Design mentoring" });
    await h.tokenFor("tx-change-fails", { memberId: "cy", role: "member" });
    const id = await insertEnrollment(db, { programId, memberId: "cy" });
    await db.run(
      "CREATE TRIGGER no_declines BEFORE UPDATE ON enrollments WHEN NEW.status = 'declined' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    const path = `/v1/programs/${programId}/enrollments/${id}/decision`;
    await expectProblem(
      await sendJson(h, "POST", path, token, { decision: "decline" }),
      500,
      "internal",
    );
    const [enrollment] = await db.select().from(enrollments).where(eq(enrollments.id, id));
    expect(enrollment!.status).toBe("applied");
    expect(await h.rows(db)).toEqual([]);

    // The same request the database accepts: decision and email, one row, answered 200.
    const approve = await sendJson(h, "POST", path, token, { decision: "approve" });
    expect(approve.status).toBe(200);
    const [row] = await h.rows(db);
    expect(row).toMatchObject({
      key: `enrollment-decision:${id}:${h.clock.now.getTime()}`,
      recipient: "cy@members.test",
      subject: "You're in: Design mentoring",
    });
    await h.deliver();
    expect(h.provider.accepted().map((r) => r.body.subject)).toContain(
      "You're in: Design mentoring",
    );
  });

  it("a resend is one write: if the old link cannot be ended, no new link or email exists", async () => {
    const { token, db } = await h.org("tx-resend");
    const created = await sendJson(h, "POST", "/v1/members/invitations", token, {
      email: "dee@tx.example",
    });
    const { id } = (await created.json()) as { id: string };
    await db.run(
      "CREATE TRIGGER no_resend BEFORE UPDATE ON invitations WHEN NEW.revoked_at IS NOT NULL BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    const path = `/v1/members/invitations/${id}/resend`;
    await expectProblem(await sendJson(h, "POST", path, token), 500, "internal");
    const rows = await db.select().from(invitations).where(eq(invitations.email, "dee@tx.example"));
    expect(rows.map((r) => ({ id: r.id, revokedAt: r.revokedAt }))).toEqual([
      { id, revokedAt: null },
    ]);
    expect((await h.rows(db)).map((r) => r.key)).toEqual([`invitation:${id}`]);

    // Once the database takes it: the new link, the old one revoked, one more email.
    await db.run("DROP TRIGGER no_resend");
    const res = await sendJson(h, "POST", path, token);
    expect(res.status).toBe(201);
    const { id: newId } = (await res.json()) as { id: string };
    const after = await db
      .select()
      .from(invitations)
      .where(eq(invitations.email, "dee@tx.example"));
    expect(after.find((r) => r.id === id)?.revokedAt).toBeInstanceOf(Date);
    expect(after.find((r) => r.id === newId)?.revokedAt).toBeNull();
    expect((await h.rows(db)).map((r) => r.key).sort()).toEqual(
      [`invitation:${id}`, `invitation:${newId}`].sort(),
    );
  });
});
