import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, enrollments } from "../../../db/tenant/schema";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, programsOrg } from "../../support/programs-fixtures";

let h: Harness;
let db: TenantDb;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "bulk-retry-org"));
  for (const id of ["ana", "ben"]) {
    await h.tokenFor("bulk-retry-org", { memberId: id, role: "member" });
  }
});
afterAll(() => h.close());

const bulk = (programId: string, body: unknown, key: string) =>
  h.request(`/v1/programs/${programId}/enrollments/bulk`, {
    method: "POST",
    token: admin,
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", "idempotency-key": key },
  });

const rows = [
  { email: "ana@members.test", role: "mentor" },
  { email: "ben@members.test", role: "mentee" },
];

describe("bulk enrollment with an Idempotency-Key", () => {
  it("a retried batch returns the first answer instead of 'already enrolled', and enrolls once", async () => {
    const programId = await insertProgram(db);
    const body = { rows, mode: "all_or_nothing" };
    const first = await bulk(programId, body, "enroll-1");
    expect(first.status).toBe(200);
    const retry = await bulk(programId, body, "enroll-1");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(await first.json());
    expect(
      await db.select().from(enrollments).where(eq(enrollments.programId, programId)),
    ).toHaveLength(2);
    const audits = await db.select().from(auditLog).where(eq(auditLog.subjectId, programId));
    expect(audits.filter((a) => a.action === "enrollment.bulk_enroll")).toHaveLength(1);
  });

  it("the same key for another program's batch is a 409", async () => {
    const [one, two] = [await insertProgram(db), await insertProgram(db)];
    expect((await bulk(one, { rows, mode: "valid_only" }, "enroll-2")).status).toBe(200);
    await expectProblem(await bulk(two, { rows, mode: "valid_only" }, "enroll-2"), 409, "conflict");
    expect(await db.select().from(enrollments).where(eq(enrollments.programId, two))).toEqual([]);
  });
});
