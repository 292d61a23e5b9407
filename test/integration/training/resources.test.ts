import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, trainingCompletions } from "../../../db/tenant/schema";
import type { TrainingView } from "../../../workers/shared/src/contracts/training";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import { expectProblem } from "../../support/problem";
import {
  insertEnrollment,
  insertProgram,
  programsOrg,
  sampleQuiz,
  sendJson,
} from "../../support/programs-fixtures";

let h: Harness;
let db: TenantDb;
let admin: string;
beforeAll(async () => {
  h = await startHarness();
  ({ db, admin } = await programsOrg(h, "train-org"));
});
afterAll(() => h.close());

const send = (method: string, path: string, token: string, body?: unknown) =>
  sendJson(h, method, path, token, body);
const member = (id: string) => h.tokenFor("train-org", { memberId: id, role: "member" });

const quiz = [
  ...sampleQuiz,
  { question: "How often to check in?", options: ["Never", "Every two weeks"], answer: 1 },
];

describe("training resources", () => {
  it("admins add, change and remove training; each change is audited", async () => {
    const programId = await insertProgram(db);
    const base = `/v1/programs/${programId}/training`;
    const created = await send("POST", base, admin, {
      title: "Guide",
      kind: "link",
      url: "https://example.test/guide",
      requiredFor: "mentor",
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as TrainingView;
    const patched = await send("PATCH", `${base}/${id}`, admin, { title: "Mentor guide" });
    expect(await patched.json()).toMatchObject({ title: "Mentor guide", position: 0 });
    const second = (await (
      await send("POST", base, admin, { title: "Quiz", kind: "quiz", quiz, requiredFor: "both" })
    ).json()) as TrainingView;
    expect(second.position).toBe(1);
    const list = (await (await send("GET", base, admin)).json()) as { items: TrainingView[] };
    expect(list.items.map((r: { title: string }) => r.title)).toEqual(["Mentor guide", "Quiz"]);
    expect(list.items[1]?.quiz?.[0]?.answer).toBe(1);

    expect((await send("DELETE", `${base}/${id}`, admin)).status).toBe(204);
    await expectProblem(
      await send("PATCH", `${base}/${id}`, admin, { title: "x" }),
      404,
      "not_found",
    );
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((a) => a.action)).toEqual([
      "training.create",
      "training.update",
      "training.delete",
    ]);
  });

  it("members see training of programs they take part in, never the answers", async () => {
    const programId = await insertProgram(db);
    const base = `/v1/programs/${programId}/training`;
    await send("POST", base, admin, { title: "Quiz", kind: "quiz", quiz, requiredFor: "both" });
    const outsider = await member("outsider");
    await expectProblem(await send("GET", base, outsider), 403, "forbidden");
    // Who may call a route is settled before its input is read.
    await expectProblem(await send("POST", base, outsider, { title: "x" }), 403, "forbidden");
    const inside = await member("inside");
    await insertEnrollment(db, { programId, memberId: "inside" });
    const res = await send("GET", base, inside);
    expect(res.status).toBe(200);
    const [item] = ((await res.json()) as { items: TrainingView[] }).items;
    expect(item?.quiz).toEqual(quiz.map(({ question, options }) => ({ question, options })));
    expect(item?.completedByMe).toBe(false);
  });
});

describe("completing training", () => {
  it("a quiz counts only with every answer right; eligibility follows", async () => {
    const programId = await insertProgram(db);
    const base = `/v1/programs/${programId}/training`;
    const created = await send("POST", base, admin, {
      title: "Quiz",
      kind: "quiz",
      quiz,
      requiredFor: "mentee",
    });
    const { id: resourceId } = (await created.json()) as TrainingView;
    const token = await member("mia");
    const enrollmentId = await insertEnrollment(db, {
      programId,
      memberId: "mia",
      status: "approved",
    });
    const view = async () =>
      (await send("GET", `/v1/programs/${programId}/enrollments/${enrollmentId}`, admin)).json();
    expect(await view()).toMatchObject({
      training: { required: 1, completed: 0 },
      eligibleForMatching: false,
    });

    const complete = (answers: number[]) =>
      send("POST", `${base}/${resourceId}/complete`, token, { answers });
    const wrong = await expectProblem(await complete([1, 0]), 400, "validation");
    expect(wrong.detail).toContain("1 of 2 answers was wrong");
    expect((await complete([1, 1])).status).toBe(204);
    expect((await complete([1, 1])).status).toBe(204);
    const rows = await db
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.resourceId, resourceId));
    expect(rows).toHaveLength(1);
    expect(await view()).toMatchObject({
      training: { required: 1, completed: 1 },
      eligibleForMatching: true,
    });
    const list = (await (await send("GET", base, token)).json()) as { items: TrainingView[] };
    expect(list.items[0]?.completedByMe).toBe(true);
  });

  it("without requiredBeforeMatching, approved members are eligible before training", async () => {
    const programId = await insertProgram(db, {
      rules: { training: { requiredBeforeMatching: false } },
    });
    await send("POST", `/v1/programs/${programId}/training`, admin, {
      title: "Handbook",
      kind: "document",
      body: "Read me",
      requiredFor: "both",
    });
    await member("noa");
    const id = await insertEnrollment(db, { programId, memberId: "noa", status: "approved" });
    const res = await send("GET", `/v1/programs/${programId}/enrollments/${id}`, admin);
    expect(await res.json()).toMatchObject({
      training: { required: 1, completed: 0 },
      eligibleForMatching: true,
    });
  });

  it("members not taking part cannot complete training (403)", async () => {
    const programId = await insertProgram(db);
    const created = await send("POST", `/v1/programs/${programId}/training`, admin, {
      title: "Link",
      kind: "link",
      url: "https://example.test",
      requiredFor: "both",
    });
    const { id } = (await created.json()) as TrainingView;
    const path = `/v1/programs/${programId}/training/${id}/complete`;
    await expectProblem(await send("POST", path, await member("stranger"), {}), 403, "forbidden");
  });
});
