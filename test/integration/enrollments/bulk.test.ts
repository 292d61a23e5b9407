import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enrollments, members } from "../../../db/tenant/schema";
import type { RowError } from "../../../workers/shared/src/contracts/common/bulk-rows";
import type { EnrollmentView } from "../../../workers/shared/src/contracts/enrollments";
import { parseEnrollmentCsv } from "../../../workers/shared/src/contracts/enrollments";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertEnrollment, insertProgram, programsOrg } from "../../support/programs-fixtures";

let h: Harness;
let db: TenantDb;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "bulk-org"));
  for (const id of ["ana", "ben", "cat", "dan"]) {
    await h.tokenFor("bulk-org", { memberId: id, role: "member" });
  }
  await db.update(members).set({ status: "deactivated" }).where(eq(members.id, "dan"));
});
afterAll(() => h.close());

const bulk = (programId: string, body: unknown) =>
  h.request(`/v1/programs/${programId}/enrollments/bulk`, {
    method: "POST",
    token: admin,
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const rowsOf = (programId: string) =>
  db.select().from(enrollments).where(eq(enrollments.programId, programId));

async function programWithCat() {
  const programId = await insertProgram(db);
  await insertEnrollment(db, { programId, memberId: "cat" });
  return programId;
}

const mixedRows = [
  { email: "ana@members.test", role: "mentor" },
  { email: "nobody@members.test", role: "mentee" },
  { email: "dan@members.test", role: "mentee" },
  { email: "cat@members.test", role: "mentee" },
  { email: "ben@members.test", role: "coach" },
  { email: "ANA@members.test", role: "mentee" },
];

describe("bulk enrollment", () => {
  it("valid_only enrolls the good rows as approved and reports each bad one", async () => {
    const programId = await programWithCat();
    const res = await bulk(programId, { rows: mixedRows, mode: "valid_only" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { created: EnrollmentView[]; errors: RowError[] };
    expect(body.created).toHaveLength(1);
    expect(body.created[0]).toMatchObject({ memberId: "ana", role: "mentor", status: "approved" });
    expect(body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, "email"],
      [3, "email"],
      [4, "email"],
      [5, "role"],
      [6, "email"],
    ]);
    expect(body.errors[1]?.message).toContain("deactivated");
    expect(body.errors[2]?.message).toContain("already enrolled");
    expect((await rowsOf(programId)).map((r) => r.memberId).sort()).toEqual(["ana", "cat"]);
  });

  it("all_or_nothing writes nothing and lists every bad row", async () => {
    const programId = await programWithCat();
    const problem = await expectProblem(
      await bulk(programId, { rows: mixedRows, mode: "all_or_nothing" }),
      400,
      "validation",
    );
    expect(problem.errors.map((e) => e.field)).toEqual([
      "rows.1.email",
      "rows.2.email",
      "rows.3.email",
      "rows.4.role",
      "rows.5.email",
    ]);
    expect(await rowsOf(programId)).toHaveLength(1);

    const ok = await bulk(programId, { rows: [mixedRows[0]], mode: "all_or_nothing" });
    expect(ok.status).toBe(200);
    expect(await rowsOf(programId)).toHaveLength(2);
  });

  it("reads email,role CSV files, and refuses other columns", () => {
    const csv = '\uFEFFEmail,Role\r\nana@members.test,Mentor\r\n"ben@members.test",mentee\r\n\r\n';
    expect(parseEnrollmentCsv(csv)).toEqual({
      rows: [
        { email: "ana@members.test", role: "mentor" },
        { email: "ben@members.test", role: "mentee" },
      ],
      errors: [],
    });
    expect(parseEnrollmentCsv("email,display_name\nx@y.test,X").errors[0]?.message).toContain(
      "Unknown column",
    );
    expect(parseEnrollmentCsv("").errors[0]?.message).toBe("The file is empty.");
  });
});
