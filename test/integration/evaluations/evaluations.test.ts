import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, evaluationResponses, pairReads } from "../../../db/tenant/schema";
import type {
  EvaluationResponseView,
  EvaluationSummary,
  MatchEvaluations,
  MyEvaluations,
} from "../../../workers/shared/src/contracts/stewardship/evaluations";
import type { TenantDb } from "../../../workers/shared/src/platform/db";
import { type Harness, startHarness } from "../../support/node-harness";
import {
  clientToken,
  insertProgram,
  pairOrg,
  pairSince,
  person,
} from "../../support/pair-fixtures";
import { expectProblem } from "../../support/problem";
import { programsOrg } from "../../support/programs-fixtures";

// Evaluations: due on the program's schedule, a draft until submitted, each person's answers
// their own; coordinators read them saying why, and programs see aggregates.

const slug = "evaluations-org";
const clock = { now: new Date("2030-05-20T09:00:00Z") };
let h: Harness;
let db: TenantDb;
let org: ReturnType<typeof pairOrg>;
let programId: string;
let matchId: string;

const midpoint = {
  speak_openly: 4,
  follow_through: 5,
  goal_progress: 3,
  second_half: "More practice talks before June",
};

beforeAll(async () => {
  h = await startHarness({ now: () => clock.now });
  ({ db } = await programsOrg(h, slug, "Northside College"));
  org = pairOrg(h, slug);
  await person(h, db, slug, "coord", "Cora Coordinator");
  await person(h, db, slug, "mia", "Mia Mentor");
  await person(h, db, slug, "tom", "Tom Mentee");
  await person(h, db, slug, "sam", "Sam Bystander");
  // 90 days from 1 April: the mid-point check is due on 16 May, the program end on 30 June.
  programId = await insertProgram(db, { name: "Speaking circle", relationshipLengthDays: 90 });
  matchId = await pairSince(db, {
    programId,
    mentorId: "mia",
    menteeId: "tom",
    activatedAt: new Date("2030-04-01T00:00:00Z"),
  });
});
afterAll(() => h.close());

const put = (as: string, evaluationId: string, body: unknown) =>
  org.send(as, "PUT", `/v1/matches/${matchId}/evaluations/${evaluationId}`, body);

describe("what is due for me", () => {
  it("lists the mid-point check with its questions, not the end one yet", async () => {
    const res = await org.send("tom", "GET", "/v1/me/evaluations");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as MyEvaluations;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      evaluationId: "midpoint_check",
      kind: "relationship",
      matchId,
      programName: "Speaking circle",
      partnerName: "Mia Mentor",
      dueAt: "2030-05-16T00:00:00.000Z",
      status: "not_started",
      answers: {},
    });
    expect(items[0]!.questions.map((q) => q.id)).toEqual(Object.keys(midpoint));
  });

  it("an evaluation not due yet can't be answered; one the program lacks is not found", async () => {
    await expectProblem(await put("tom", "program_end", { answers: {} }), 409, "conflict");
    await expectProblem(await put("tom", "exit_survey", { answers: {} }), 409, "conflict");
    await expectProblem(await put("tom", "no_such", { answers: {} }), 404, "not_found");
  });
});

describe("answering", () => {
  it("keeps a draft, then a submission, then refuses any change", async () => {
    const draft = await put("tom", "midpoint_check", { answers: { speak_openly: 2 } });
    expect(draft.status).toBe(200);
    expect(await draft.json()).toMatchObject({ status: "draft", answers: { speak_openly: 2 } });
    const mine = (await (
      await org.send("tom", "GET", "/v1/me/evaluations")
    ).json()) as MyEvaluations;
    expect(mine.items[0]).toMatchObject({ status: "draft", answers: { speak_openly: 2 } });

    const sent = await put("tom", "midpoint_check", { answers: midpoint, submit: true });
    expect(sent.status).toBe(200);
    const view = (await sent.json()) as EvaluationResponseView;
    expect(view).toMatchObject({ status: "submitted", role: "mentee", rulesVersion: 1 });
    expect(view.submittedAt).toBe(clock.now.toISOString());

    await expectProblem(await put("tom", "midpoint_check", { answers: midpoint }), 409, "conflict");
    const rows = await db
      .select()
      .from(evaluationResponses)
      .where(eq(evaluationResponses.matchId, matchId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", answers: midpoint, programId });
    const after = (await (
      await org.send("tom", "GET", "/v1/me/evaluations")
    ).json()) as MyEvaluations;
    expect(after.items).toEqual([]);
  });

  it("refuses answers out of range, unknown questions and a submission left unfinished", async () => {
    const cases: [unknown, string][] = [
      [{ answers: { ...midpoint, speak_openly: 6 } }, "answers.speak_openly"],
      [{ answers: { ...midpoint, goal_progress: 0 } }, "answers.goal_progress"],
      [{ answers: { ...midpoint, follow_through: 3.5 } }, "answers.follow_through"],
      [{ answers: { surprise: 3 } }, "answers.surprise"],
      [{ answers: { speak_openly: 4 }, submit: true }, "answers.follow_through"],
    ];
    for (const [body, field] of cases) {
      const problem = await expectProblem(
        await put("mia", "midpoint_check", body),
        400,
        "validation",
      );
      expect(problem.errors?.map((e) => e.field)).toEqual([field]);
    }
    const tooLong = { answers: { second_half: "x".repeat(4001) } };
    await expectProblem(await put("mia", "midpoint_check", tooLong), 400, "validation");
    const written = await db
      .select()
      .from(evaluationResponses)
      .where(
        and(eq(evaluationResponses.matchId, matchId), eq(evaluationResponses.memberId, "mia")),
      );
    expect(written).toEqual([]);
  });

  it("only the pair answers; someone outside it finds no match", async () => {
    await expectProblem(
      await put("coord", "midpoint_check", { answers: midpoint }),
      403,
      "forbidden",
    );
    await expectProblem(
      await put("sam", "midpoint_check", { answers: midpoint }),
      404,
      "not_found",
    );
  });
});

describe("who reads the responses", () => {
  const list = async (as: string, headers?: Record<string, string>) => {
    const token = await org.as(as, as === "coord" ? "admin" : "member");
    const res = await h.request(`/v1/matches/${matchId}/evaluations`, { token, headers });
    return res;
  };

  it("the partner learns only that the other submitted", async () => {
    await put("mia", "midpoint_check", { answers: { speak_openly: 3 } });
    const res = await list("mia");
    const { items } = (await res.json()) as MatchEvaluations;
    const theirs = items.find((i) => i.memberId === "tom")!;
    expect(theirs).toMatchObject({ status: "submitted", answers: null });
    expect(items.find((i) => i.memberId === "mia")).toMatchObject({ status: "draft" });
    // Tom does not see Mia's draft at all.
    const tom = (await (await list("tom")).json()) as MatchEvaluations;
    expect(tom.items.map((i) => i.memberId)).toEqual(["tom"]);
  });

  it("a coordinator reads the answers saying why, and the read is recorded", async () => {
    const blind = (await (await list("coord")).json()) as MatchEvaluations;
    expect(blind.items).toMatchObject([{ memberId: "tom", answers: null }]);
    expect(await db.select().from(pairReads).where(eq(pairReads.matchId, matchId))).toEqual([]);

    const res = await list("coord", { "read-reason": "evaluation_review" });
    const { items } = (await res.json()) as MatchEvaluations;
    expect(items).toMatchObject([{ memberId: "tom", answers: midpoint }]);
    const reads = await db.select().from(pairReads).where(eq(pairReads.matchId, matchId));
    expect(reads).toMatchObject([
      { readerId: "coord", kind: "evaluations", reason: "evaluation_review" },
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "pair.read"));
    expect(audit.some((a) => a.subjectId === matchId)).toBe(true);

    await expectProblem(await list("coord", { "read-reason": "curious" }), 400, "validation");
  });

  it("an integration with matches:read sees who submitted, never the answers", async () => {
    const token = await clientToken(h, slug, ["matches:read"], clock.now);
    const res = await h.request(`/v1/matches/${matchId}/evaluations`, { token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ items: [{ memberId: "tom", answers: null }] });
    const without = await clientToken(h, slug, ["goals:read"], clock.now);
    const refused = await h.request(`/v1/matches/${matchId}/evaluations`, { token: without });
    expect(refused.status).toBe(403);
  });

  it("someone outside the pair finds no match", async () => {
    await expectProblem(await list("sam"), 404, "not_found");
  });
});

describe("a program's summary", () => {
  it("counts submissions and averages ratings, with no one's words", async () => {
    await put("mia", "midpoint_check", {
      answers: { speak_openly: 5, follow_through: 4, goal_progress: 4 },
      submit: true,
    });
    const res = await org.send("coord", "GET", `/v1/programs/${programId}/evaluations/summary`);
    expect(res.status).toBe(200);
    const summary = (await res.json()) as EvaluationSummary;
    const check = summary.evaluations.find((e) => e.evaluationId === "midpoint_check")!;
    expect(check.submitted).toBe(2);
    expect(check.questions.find((q) => q.id === "speak_openly")).toMatchObject({
      answered: 2,
      average: 4.5,
    });
    expect(JSON.stringify(summary)).not.toContain("More practice talks");
    expect(summary.evaluations.map((e) => e.evaluationId)).toEqual([
      "midpoint_check",
      "program_end",
      "exit_survey",
    ]);
    expect(summary.evaluations.find((e) => e.evaluationId === "program_end")).toMatchObject({
      submitted: 0,
      questions: expect.arrayContaining([expect.objectContaining({ id: "recommend", nps: null })]),
    });
  });

  it("is for admins only", async () => {
    const res = await org.send("tom", "GET", `/v1/programs/${programId}/evaluations/summary`);
    await expectProblem(res, 403, "forbidden");
  });
});
