import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, enrollments } from "../../../db/tenant/schema";
import type { DevMailbox } from "../../../host/dev-mailbox";
import type { Page } from "../../../workers/shared/src/contracts/common/pagination";
import type { EnrollmentView } from "../../../workers/shared/src/contracts/enrollments";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import {
  insertEnrollment,
  insertProgram,
  insertTraining,
  programsOrg,
  sendJson,
  tenantDb,
} from "../../support/programs-fixtures";

let h: Harness;
let db: TenantDb;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "review-org", "Northwind"));
});
afterAll(() => h.close());

const send = (method: string, path: string, token: string, body?: unknown) =>
  sendJson(h, method, path, token, body);
const mail = (to: string) => (h.platform.mail as DevMailbox).list({ to });

async function applicant(programId: string, memberId: string, over = {}) {
  await h.tokenFor("review-org", { memberId, role: "member" });
  return insertEnrollment(db, { programId, memberId, ...over });
}

describe("deciding on applications", () => {
  it("approve, waitlist and decline each email the member and are audited", async () => {
    const programId = await insertProgram(db, { name: "Design mentoring" });
    await insertTraining(db, { programId, title: "Kick-off quiz", requiredFor: "mentee" });
    await insertTraining(db, { programId, title: "Mentor guide", requiredFor: "mentor" });
    const cases = [
      ["approve", "approved", "You're in", "Kick-off quiz"],
      ["waitlist", "waitlisted", "waitlist", "waitlist"],
      ["decline", "declined", "About your application", "Maybe next spring."],
    ] as const;
    for (const [decision, status, subject, text] of cases) {
      const memberId = `m-${decision}`;
      const id = await applicant(programId, memberId);
      const message = decision === "decline" ? "Maybe next spring." : undefined;
      const path = `/v1/programs/${programId}/enrollments/${id}/decision`;
      const res = await send("POST", path, admin, { decision, message });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id, status, decisionMessage: message ?? null });
      await h.deliver();
      const [sent] = mail(`${memberId}@members.test`);
      expect(sent?.subject).toContain(subject);
      expect(sent?.text).toContain(text);
      expect(sent?.text).toContain("Design mentoring");
      const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, id));
      expect(audit.map((a) => a.action)).toEqual(["enrollment.decision"]);
    }
    await h.deliver();
    expect(mail("m-approve@members.test")[0]?.text).not.toContain("Mentor guide");
  });

  it("a withdrawn application cannot be decided (409)", async () => {
    const programId = await insertProgram(db);
    const id = await applicant(programId, "quitter", { status: "withdrawn" });
    const path = `/v1/programs/${programId}/enrollments/${id}/decision`;
    await expectProblem(await send("POST", path, admin, { decision: "approve" }), 409, "conflict");
  });

  it("an enrollment of another program → 404", async () => {
    const programId = await insertProgram(db);
    const otherProgram = await insertProgram(db);
    const id = await applicant(otherProgram, "elsewhere");
    const path = `/v1/programs/${programId}/enrollments/${id}/decision`;
    await expectProblem(await send("POST", path, admin, { decision: "approve" }), 404, "not_found");
  });

  it("another tenant's program and enrollment → 404, untouched", async () => {
    await h.createTenant("other-org");
    const otherDb = await tenantDb(h, "other-org");
    await h.tokenFor("other-org", { memberId: "theirs", role: "member" });
    const programId = await insertProgram(otherDb);
    const id = await insertEnrollment(otherDb, { programId, memberId: "theirs" });
    const path = `/v1/programs/${programId}/enrollments/${id}/decision`;
    await expectProblem(await send("POST", path, admin, { decision: "approve" }), 404, "not_found");
    const [row] = await otherDb.select().from(enrollments).where(eq(enrollments.id, id));
    expect(row?.status).toBe("applied");
  });
});

describe("the review queue", () => {
  it("lists oldest first, filters by status and role, and pages", async () => {
    const programId = await insertProgram(db);
    const base = Date.now() - 100_000;
    const people = [
      ["q1", "mentee", "applied"],
      ["q2", "mentor", "applied"],
      ["q3", "mentee", "approved"],
      ["q4", "mentee", "applied"],
    ] as const;
    for (const [i, [memberId, role, status]] of people.entries()) {
      await applicant(programId, memberId, { role, status, createdAt: new Date(base + i * 1000) });
    }
    const list = async (query: string) =>
      (
        await send("GET", `/v1/programs/${programId}/enrollments?${query}`, admin)
      ).json() as Promise<Page<EnrollmentView>>;
    expect((await list("")).items.map((e: { memberId: string }) => e.memberId)).toEqual([
      "q1",
      "q2",
      "q3",
      "q4",
    ]);
    const applied = await list("status=applied&role=mentee");
    expect(applied.items.map((e: { memberId: string }) => e.memberId)).toEqual(["q1", "q4"]);

    const first = await list("limit=3");
    expect(first.items).toHaveLength(3);
    const second = await list(`limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((e: { memberId: string }) => e.memberId)).toEqual(["q4"]);
    expect(second.nextCursor).toBeNull();
  });

  it("a plain member cannot see the queue (403)", async () => {
    const programId = await insertProgram(db);
    const token = await h.tokenFor("review-org", { memberId: "nosy", role: "member" });
    await expectProblem(
      await send("GET", `/v1/programs/${programId}/enrollments`, token),
      403,
      "forbidden",
    );
  });
});
