import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, enrollments, memberProfiles } from "../../../db/tenant/schema";
import type {
  EnrollmentView,
  MyEnrollment,
} from "../../../workers/shared/src/contracts/enrollments";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import { insertProgram, memberRow, sendJson, tenantDb } from "../../support/programs-fixtures";

let h: Harness;
let db: TenantDb;
beforeAll(async () => {
  h = await startHarness();
  await h.createTenant("apply-org");
  db = await tenantDb(h, "apply-org");
});
afterAll(() => h.close());

const strictForm = {
  profileFields: { interests: "required", availability: "optional" },
  questions: [
    { id: "goals", label: "What do you hope to learn?", kind: "long_text", required: true },
    { id: "format", label: "How to meet?", kind: "choice", options: ["In person", "By video"] },
  ],
};

const member = (id: string) => h.tokenFor("apply-org", { memberId: id, role: "member" });
const send = (method: string, path: string, token: string, body?: unknown) =>
  sendJson(h, method, path, token, body);
const apply = (programId: string, token: string, body: unknown) =>
  send("POST", `/v1/programs/${programId}/enrollments`, token, body);

const goodApplication = {
  role: "mentee",
  profile: { interests: ["design", "career"], department: "Design", timeZone: "Europe/Berlin" },
  answers: { goals: "Lead my first project", format: "By video" },
};

describe("applying to a program", () => {
  it("an open program takes the application, saves the profile and time zone, audits it", async () => {
    const programId = await insertProgram(db, { applicationForm: strictForm });
    const res = await apply(programId, await member("ada"), goodApplication);
    expect(res.status).toBe(201);
    const view = (await res.json()) as EnrollmentView;
    expect(view).toMatchObject({
      programId,
      memberId: "ada",
      role: "mentee",
      status: "applied",
      answers: { goals: "Lead my first project", format: "By video" },
      profile: { interests: ["design", "career"], department: "Design", timeZone: "Europe/Berlin" },
      member: { email: "ada@members.test" },
      training: { required: 0, completed: 0 },
      eligibleForMatching: false,
    });
    const [profile] = await db
      .select()
      .from(memberProfiles)
      .where(eq(memberProfiles.memberId, "ada"));
    expect(profile?.interests).toEqual(["design", "career"]);
    expect((await memberRow(db, "ada"))?.timeZone).toBe("Europe/Berlin");
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, view.id));
    expect(audit.map((a) => a.action)).toEqual(["enrollment.apply"]);
  });

  it("draft and closed programs refuse applications (409)", async () => {
    for (const status of ["draft", "closed"] as const) {
      const programId = await insertProgram(db, { status });
      const problem = await expectProblem(
        await apply(programId, await member("bo"), goodApplication),
        409,
        "conflict",
      );
      expect(problem.detail).toContain("not open for applications");
    }
  });

  it("applying twice → 409, one row kept", async () => {
    const programId = await insertProgram(db);
    const token = await member("cy");
    expect((await apply(programId, token, { role: "mentor" })).status).toBe(201);
    await expectProblem(await apply(programId, token, { role: "mentee" }), 409, "conflict");
    const rows = await db.select().from(enrollments).where(eq(enrollments.programId, programId));
    expect(rows.map((r) => r.role)).toEqual(["mentor"]);
  });

  it("a missing required profile field or answer → 400 naming each field", async () => {
    const programId = await insertProgram(db, { applicationForm: strictForm });
    const body = { role: "mentee", profile: {}, answers: { format: "By carrier pigeon" } };
    const problem = await expectProblem(
      await apply(programId, await member("di"), body),
      400,
      "validation",
    );
    const fields = problem.errors.map((e) => e.field);
    expect(fields).toContain("profile.interests");
    expect(fields).toContain("answers.goals");
    expect(fields).toContain("answers.format");
    expect(await db.select().from(enrollments).where(eq(enrollments.programId, programId))).toEqual(
      [],
    );
  });

  it("another program's unknown id → 404", async () => {
    await expectProblem(await apply("nope", await member("ed"), goodApplication), 404, "not_found");
  });
});

describe("my enrollments", () => {
  it("lists mine with their program, and withdrawing marks it withdrawn", async () => {
    const programId = await insertProgram(db, { name: "Autumn circle" });
    const token = await member("fay");
    const applied = (await (
      await apply(programId, token, { role: "mentor" })
    ).json()) as EnrollmentView;
    const other = await member("gus");
    await apply(programId, other, { role: "mentee" });

    const mine = (await (await send("GET", "/v1/me/enrollments", token)).json()) as {
      items: MyEnrollment[];
    };
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      id: applied.id,
      program: { id: programId, name: "Autumn circle", status: "open" },
    });

    const res = await send("POST", `/v1/me/enrollments/${applied.id}/withdraw`, token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: applied.id, status: "withdrawn" });
    const again = await send("POST", `/v1/me/enrollments/${applied.id}/withdraw`, token);
    expect(((await again.json()) as EnrollmentView).status).toBe("withdrawn");

    // Someone else's enrollment is not theirs to withdraw.
    await expectProblem(
      await send("POST", `/v1/me/enrollments/${applied.id}/withdraw`, other),
      404,
      "not_found",
    );
    // A withdrawn application may be reopened.
    const reopened = await apply(programId, token, { role: "mentee" });
    expect(reopened.status).toBe(201);
    expect(((await reopened.json()) as EnrollmentView).id).toBe(applied.id);
  });

  it("a member reads their own enrollment but not someone else's (403)", async () => {
    const programId = await insertProgram(db);
    const hal = await member("hal");
    const own = (await (await apply(programId, hal, { role: "mentee" })).json()) as EnrollmentView;
    const path = `/v1/programs/${programId}/enrollments/${own.id}`;
    expect((await send("GET", path, hal)).status).toBe(200);
    await expectProblem(await send("GET", path, await member("ivy")), 403, "forbidden");
  });
});
