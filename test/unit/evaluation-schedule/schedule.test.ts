import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  dueEvaluations,
  evaluationAnswerProblems,
  evaluationDueAt,
  evaluationSchedule,
  exitSurvey,
  netPromoterScore,
  plannedEndOf,
  summarizeAnswers,
} from "../../../workers/shared/src/domain/evaluation-schedule";
import { type Evaluation, programRules } from "../../../workers/shared/src/domain/program-rules";

const at = (iso: string) => new Date(iso);
const rules = v.parse(programRules, {});
const ninetyDays = { startsOn: null, endsOn: null, relationshipLengthDays: 90 };
const dated = { startsOn: "2030-01-01", endsOn: "2030-07-01", relationshipLengthDays: null };
const began = { activatedAt: at("2030-01-11T00:00:00Z"), endedAt: null };

const evaluation = (over: Partial<Evaluation>): Evaluation => ({
  id: "e",
  kind: "relationship",
  at: "midpoint",
  template: { questions: [{ id: "q", label: "Q", kind: "rating" }] },
  ...over,
});

describe("when a relationship evaluation is due", () => {
  it("the mid-point is half the relationship length after the match began", () => {
    expect(evaluationDueAt(evaluation({}), ninetyDays, began)).toEqual(at("2030-02-25T00:00:00Z"));
  });

  it("the end is the relationship length after it began", () => {
    expect(evaluationDueAt(evaluation({ at: "end" }), ninetyDays, began)).toEqual(
      at("2030-04-11T00:00:00Z"),
    );
  });

  it("after the end adds the days the program says", () => {
    const followUp = evaluation({ at: "after_end", daysAfterEnd: 30 });
    expect(evaluationDueAt(followUp, ninetyDays, began)).toEqual(at("2030-05-11T00:00:00Z"));
  });

  it("without a length, the program's dates give the length", () => {
    // 2030-01-01 to 2030-07-01 is 181 days, counted from activation; half is 90.5 days.
    expect(evaluationDueAt(evaluation({ at: "end" }), dated, began)).toEqual(
      at("2030-07-11T00:00:00Z"),
    );
    expect(evaluationDueAt(evaluation({}), dated, began)).toEqual(at("2030-04-11T12:00:00Z"));
  });

  it("an open-ended program with a match still running has nothing due", () => {
    const open = { startsOn: null, endsOn: null, relationshipLengthDays: null };
    expect(evaluationDueAt(evaluation({ at: "end" }), open, began)).toBeNull();
    expect(evaluationDueAt(evaluation({}), open, began)).toBeNull();
  });

  it("a match that closed early has its end evaluation at the closure, and no mid-point", () => {
    const closedEarly = { ...began, endedAt: at("2030-02-01T00:00:00Z") };
    expect(evaluationDueAt(evaluation({ at: "end" }), ninetyDays, closedEarly)).toEqual(
      closedEarly.endedAt,
    );
    expect(evaluationDueAt(evaluation({}), ninetyDays, closedEarly)).toBeNull();
  });

  it("a match that never began has nothing due", () => {
    expect(
      evaluationDueAt(evaluation({ at: "end" }), ninetyDays, { activatedAt: null, endedAt: null }),
    ).toBeNull();
  });
});

describe("when a program evaluation is due", () => {
  it("follows the program's dates, whenever the match began", () => {
    const mid = evaluation({ kind: "program" });
    expect(evaluationDueAt(mid, dated, began)).toEqual(at("2030-04-01T12:00:00Z"));
    expect(evaluationDueAt({ ...mid, at: "end" }, dated, began)).toEqual(at("2030-07-01"));
  });

  it("without program dates, follows the relationship", () => {
    expect(evaluationDueAt(evaluation({ kind: "program", at: "end" }), ninetyDays, began)).toEqual(
      at("2030-04-11T00:00:00Z"),
    );
  });
});

describe("a match's schedule", () => {
  it("lists the default evaluations and, once closed, the exit survey due at the closure", () => {
    const closed = { ...began, endedAt: at("2030-04-20T00:00:00Z") };
    const schedule = evaluationSchedule(rules, ninetyDays, closed);
    expect(schedule.map((e) => [e.id, e.dueAt.toISOString()])).toEqual([
      ["midpoint_check", "2030-02-25T00:00:00.000Z"],
      ["program_end", "2030-04-11T00:00:00.000Z"],
      ["exit_survey", "2030-04-20T00:00:00.000Z"],
    ]);
  });

  it("offers no exit survey when the program turned it off", () => {
    const off = { ...rules, closure: { ...rules.closure, exitSurvey: false } };
    const closed = { ...began, endedAt: at("2030-04-20T00:00:00Z") };
    expect(evaluationSchedule(off, ninetyDays, closed).map((e) => e.id)).not.toContain(
      "exit_survey",
    );
  });

  it("due evaluations are those whose moment has come", () => {
    expect(dueEvaluations(rules, ninetyDays, began, at("2030-02-24T23:59:59Z"))).toEqual([]);
    expect(
      dueEvaluations(rules, ninetyDays, began, at("2030-02-25T00:00:00Z")).map((e) => e.id),
    ).toEqual(["midpoint_check"]);
  });
});

describe("the planned end of a relationship", () => {
  it("is its length after activation, or the program's end if that comes first", () => {
    expect(plannedEndOf(ninetyDays, began.activatedAt)).toEqual(at("2030-04-11T00:00:00Z"));
    const both = { ...dated, relationshipLengthDays: 365 };
    expect(plannedEndOf(both, began.activatedAt)).toEqual(at("2030-07-01"));
  });

  it("is unknown for an open-ended program", () => {
    const open = { startsOn: null, endsOn: null, relationshipLengthDays: null };
    expect(plannedEndOf(open, began.activatedAt)).toBeNull();
  });
});

describe("answers to an evaluation", () => {
  const template = {
    id: "t",
    kind: "program" as const,
    questions: [
      { id: "rate", label: "Rate it", kind: "rating" as const },
      { id: "recommend", label: "Recommend", kind: "nps" as const },
      { id: "words", label: "Say more", kind: "text" as const },
    ],
  };
  const fields = (answers: Record<string, number | string>, submitting = false) =>
    evaluationAnswerProblems(template, answers, submitting).map((p) => p.field);

  it("accepts ratings 1–5, NPS 0–10 and text", () => {
    expect(fields({ rate: 1, recommend: 0, words: "Good" })).toEqual([]);
    expect(fields({ rate: 5, recommend: 10 }, true)).toEqual([]);
  });

  it("refuses ratings and scores out of range, or not whole", () => {
    expect(fields({ rate: 0 })).toEqual(["answers.rate"]);
    expect(fields({ rate: 6, recommend: 11 })).toEqual(["answers.rate", "answers.recommend"]);
    expect(fields({ rate: 2.5, recommend: -1 })).toEqual(["answers.rate", "answers.recommend"]);
    expect(fields({ rate: "5" })).toEqual(["answers.rate"]);
  });

  it("refuses text that is too long, and questions it does not ask", () => {
    expect(fields({ words: "x".repeat(4001) })).toEqual(["answers.words"]);
    expect(fields({ nope: 3 })).toEqual(["answers.nope"]);
  });

  it("a draft may leave questions open; a submission answers every score", () => {
    expect(fields({})).toEqual([]);
    expect(fields({ rate: 3 }, true)).toEqual(["answers.recommend"]);
  });

  it("the exit survey asks how it went, what one takes away, and whether again", () => {
    expect(exitSurvey.questions.map((q) => [q.id, q.kind])).toEqual([
      ["how_it_went", "rating"],
      ["take_away", "text"],
      ["again", "rating"],
    ]);
  });
});

describe("what evaluations add up to", () => {
  it("NPS is promoters minus detractors, in percent", () => {
    expect(netPromoterScore([])).toBeNull();
    expect(netPromoterScore([10, 9, 8, 7, 0])).toBe(20);
    expect(netPromoterScore([6, 6, 10])).toBe(-33);
  });

  it("averages ratings, scores NPS and only counts text", () => {
    const template = {
      id: "t",
      kind: "program" as const,
      questions: [
        { id: "rate", label: "Rate it", kind: "rating" as const },
        { id: "recommend", label: "Recommend", kind: "nps" as const },
        { id: "words", label: "Say more", kind: "text" as const },
      ],
    };
    const summary = summarizeAnswers(template, [
      { rate: 4, recommend: 10, words: "Great" },
      { rate: 5, recommend: 3 },
      { rate: 4, recommend: 9, words: "" },
    ]);
    expect(summary).toEqual([
      { id: "rate", label: "Rate it", kind: "rating", answered: 3, average: 4.3, nps: null },
      { id: "recommend", label: "Recommend", kind: "nps", answered: 3, average: null, nps: 33 },
      { id: "words", label: "Say more", kind: "text", answered: 1, average: null, nps: null },
    ]);
  });
});
