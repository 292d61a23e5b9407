import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  enrollments,
  idempotentRequests,
  invitations,
  outbox,
  trainingCompletions,
} from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import {
  insertEnrollment,
  insertProgram,
  insertTraining,
  programsOrg,
  sendJson,
} from "../../support/programs-fixtures";

// The audit log refuses every entry: a change whose entry cannot be written must not happen,
// as if the process had died between the change and its entry.
let h: Harness;
let db: TenantDb;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "atomic-org"));
  await h.tokenFor("atomic-org", { memberId: "ana", role: "member" });
  await db.run(
    sql.raw(`CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit log refused'); END`),
  );
});
afterAll(() => h.close());

describe("a change and its audit entry commit together", () => {
  it("completing training records nothing when its audit entry fails", async () => {
    const programId = await insertProgram(db);
    await insertEnrollment(db, { programId, memberId: "ana", status: "approved" });
    const resourceId = await insertTraining(db, { programId, kind: "document", quiz: null });
    const token = await h.tokenFor("atomic-org", { memberId: "ana", role: "member" });
    const path = `/v1/programs/${programId}/training/${resourceId}/complete`;
    await expectProblem(await sendJson(h, "POST", path, token, {}), 500, "internal");
    expect(await db.select().from(trainingCompletions)).toEqual([]);
  });

  it("a keyed bulk invitation leaves no invitation, email or stored answer", async () => {
    const res = await h.request("/v1/members/invitations/bulk", {
      method: "POST",
      token: admin,
      headers: { "content-type": "application/json", "idempotency-key": "atomic-1" },
      body: JSON.stringify({ rows: [{ email: "x@atomic.example" }], mode: "all_or_nothing" }),
    });
    await expectProblem(res, 500, "internal");
    expect(await db.select().from(invitations)).toEqual([]);
    expect(await db.select().from(outbox)).toEqual([]);
    expect(await db.select().from(idempotentRequests)).toEqual([]);
  });

  it("a keyed bulk enrollment leaves no enrollment or stored answer", async () => {
    const programId = await insertProgram(db);
    const res = await h.request(`/v1/programs/${programId}/enrollments/bulk`, {
      method: "POST",
      token: admin,
      headers: { "content-type": "application/json", "idempotency-key": "atomic-2" },
      body: JSON.stringify({
        rows: [{ email: "ana@members.test", role: "mentee" }],
        mode: "all_or_nothing",
      }),
    });
    await expectProblem(res, 500, "internal");
    expect(await db.select().from(enrollments).where(sql`program_id = ${programId}`)).toEqual([]);
    expect(await db.select().from(idempotentRequests)).toEqual([]);
  });
});
