import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  ({ db, admin } = await programsOrg(h, "words-org"));
});
afterAll(() => h.close());

const send = (method: string, path: string, token: string, body?: unknown) =>
  sendJson(h, method, path, token, body);

describe("problems name each field as its form labels it", () => {
  it("a training link that is not https says 'Web address', not the body's key", async () => {
    const programId = await insertProgram(db);
    const res = await send("POST", `/v1/programs/${programId}/training`, admin, {
      title: "Guide",
      kind: "link",
      url: "http://example.test/guide",
      requiredFor: "mentor",
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.detail).toBe("Web address must start with https://.");
    expect(problem.errors).toEqual([
      { field: "url", message: "Web address must start with https://." },
    ]);
  });

  it("a blank title and an unknown audience read as the form's labels", async () => {
    const programId = await insertProgram(db);
    const res = await send("POST", `/v1/programs/${programId}/training`, admin, {
      title: " ",
      kind: "document",
      body: "Read me.",
      requiredFor: "everyone",
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.detail).toBe(
      "Title is required. Required for must be mentors, mentees or both.",
    );
  });

  it("a quiz with a wrong answer says so without the body's key in front", async () => {
    const programId = await insertProgram(db);
    const created = await send("POST", `/v1/programs/${programId}/training`, admin, {
      title: "Quiz",
      kind: "quiz",
      quiz: sampleQuiz,
      requiredFor: "both",
    });
    const { id } = (await created.json()) as TrainingView;
    await insertEnrollment(db, { programId, memberId: "wes", status: "approved" });
    const token = await h.tokenFor("words-org", { memberId: "wes", role: "member" });
    const wrong = sampleQuiz.map((q) => (q.answer + 1) % q.options.length);
    const res = await send("POST", `/v1/programs/${programId}/training/${id}/complete`, token, {
      answers: wrong,
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.detail).toMatch(/^\d+ of \d+ answers? (was|were) wrong; have another look\.$/);
  });

  it("an application missing an answer names the question, not its id", async () => {
    const programId = await insertProgram(db, {
      applicationForm: {
        profileFields: { interests: "optional", availability: "optional" },
        questions: [
          { id: "hopes", label: "What do you hope for?", kind: "long_text", required: true },
        ],
      },
    });
    const token = await h.tokenFor("words-org", { memberId: "ana", role: "member" });
    const res = await send("POST", `/v1/programs/${programId}/enrollments`, token, {
      role: "mentee",
    });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.detail).toBe('Answers: "What do you hope for?" needs an answer.');
  });

  it("a program name that is too long says 'Program name'", async () => {
    const res = await send("POST", "/v1/programs", admin, { name: "x".repeat(121) });
    const problem = await expectProblem(res, 400, "validation");
    expect(problem.detail).toBe("Program name can be at most 120 characters.");
  });
});
