import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "../../../workers/shared/src/contracts/common/validate";
import {
  defaultRules,
  programRules,
  safetyNotice,
} from "../../../workers/shared/src/domain/program-rules";

/** Builds `{ a: { b: value } }` from "a.b", so each case names only the field it tests. */
function at(path: string, value: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

function problems(input: unknown) {
  const result = v.safeParse(programRules, input);
  return result.success ? [] : fieldErrors(result.issues);
}

describe("program rules defaults", () => {
  it("turns an empty object into complete default rules", () => {
    const rules = v.parse(programRules, {});
    expect(rules.meetings).toEqual({
      frequencyDays: 14,
      minMinutes: 30,
      format: "either",
      agenda: [
        "Recent challenges",
        "Accomplishments since we last met",
        "Next goals",
        "Commitments from last time",
      ],
    });
    expect(rules.checkIns).toMatchObject({ firstDay: 30, everyDays: 60, answeredBy: "both" });
    expect(rules.checkIns.questions.length).toBeGreaterThanOrEqual(3);
    expect(rules.coordinatorContact).toEqual({ firstMonthTouches: 2, everyDays: 30 });
    expect(rules.evaluations.map((e) => [e.kind, e.at])).toEqual([
      ["relationship", "midpoint"],
      ["program", "end"],
    ]);
    expect(rules.goals).toEqual({ minPerMatch: 1, reviewEveryDays: 30 });
    expect(rules.agreement.required).toBe(true);
    expect(rules.agreement.safetyEscalation).toBe(true);
    expect(Object.keys(rules.agreement.sections).sort()).toEqual([
      "boundaries",
      "confidentiality",
      "expectations",
      "goals",
      "meetingFrequency",
      "timeCommitment",
    ]);
    expect(rules.matching).toMatchObject({
      enabled: true,
      mode: "coordinator",
      mentorCapacity: 2,
      acceptanceWindowDays: 3,
      hardConstraints: {
        sameDepartment: "allowed",
        timeZoneOverlapHours: 0,
        noReportingLine: true,
      },
    });
    expect(rules.training).toEqual({ requiredBeforeMatching: true });
    expect(rules.reminders).toEqual({
      channels: ["email", "in_app"],
      leadTimeHours: 24,
      quietHours: { start: "21:00", end: "08:00" },
      escalateAfterDaysOverdue: 7,
    });
    expect(rules.closure).toMatchObject({ exitSurvey: true, rematchWaitDays: 30 });
    expect(defaultRules()).toEqual(rules);
  });

  it("says in the default confidentiality text that safety concerns go to coordinators", () => {
    expect(defaultRules().agreement.sections.confidentiality).toMatch(/safety or wellbeing/);
    expect(safetyNotice).toMatch(/coordinators/);
  });

  it("hands out a fresh copy each time, so editing one program's rules leaves others alone", () => {
    const first = defaultRules();
    first.checkIns.questions.pop();
    first.reminders.channels.push("webhook");
    const second = defaultRules();
    expect(second.checkIns.questions).toHaveLength(5);
    expect(second.reminders.channels).toEqual(["email", "in_app"]);
  });

  it("merges partial input with the defaults, section by section", () => {
    const rules = v.parse(programRules, {
      meetings: { frequencyDays: 7 },
      reminders: { quietHours: { start: "22:30" } },
      matching: { hardConstraints: { sameDepartment: "not_allowed" } },
    });
    expect(rules.meetings).toEqual({
      frequencyDays: 7,
      minMinutes: 30,
      format: "either",
      agenda: [
        "Recent challenges",
        "Accomplishments since we last met",
        "Next goals",
        "Commitments from last time",
      ],
    });
    expect(rules.reminders.quietHours).toEqual({ start: "22:30", end: "08:00" });
    expect(rules.matching.hardConstraints).toEqual({
      sameDepartment: "not_allowed",
      timeZoneOverlapHours: 0,
      noReportingLine: true,
    });
    expect(rules.checkIns.firstDay).toBe(30);
  });

  it("replaces lists whole instead of merging them", () => {
    const rules = v.parse(programRules, {
      checkIns: { questions: [{ id: "mood", label: "How are things?", kind: "rating" }] },
      matching: { criteria: [] },
    });
    expect(rules.checkIns.questions).toEqual([
      { id: "mood", label: "How are things?", kind: "rating" },
    ]);
    expect(rules.matching.criteria).toEqual([]);
  });

  it("trims agreement texts and drops unknown keys", () => {
    const rules = v.parse(programRules, {
      agreement: { sections: { goals: "  We set goals.  " } },
      retired: true,
    });
    expect(rules.agreement.sections.goals).toBe("We set goals.");
    expect(rules).not.toHaveProperty("retired");
  });

  it("accepts a follow-up evaluation that says how long after the end it comes", () => {
    const followUp = {
      id: "follow_up",
      kind: "program",
      at: "after_end",
      daysAfterEnd: 90,
      template: { questions: [{ id: "still_useful", label: "Still useful?", kind: "rating" }] },
    };
    expect(v.parse(programRules, { evaluations: [followUp] }).evaluations).toEqual([followUp]);
  });
});

const evaluation = (extra: Record<string, unknown>) => ({
  id: "e",
  kind: "program",
  at: "end",
  template: { questions: [{ id: "q", label: "Useful?", kind: "rating" }] },
  ...extra,
});

describe("program rules bounds", () => {
  it.each([
    ["meetings.frequencyDays", 0, "Meetings: pairs can meet at most once a day."],
    ["meetings.frequencyDays", 366, "Meetings: pairs must meet at least once a year (365 days)."],
    ["meetings.frequencyDays", 1.5, "Meetings: the frequency must be a whole number."],
    ["meetings.frequencyDays", "14", "Meetings: the frequency must be a whole number."],
    ["meetings.minMinutes", 4, "Meetings: the minimum length must be at least 5 minutes."],
    [
      "meetings.minMinutes",
      481,
      "Meetings: the minimum length can be at most 480 minutes (8 hours).",
    ],
    ["meetings.format", "phone", "Meetings: the format must be one of: in_person, video, either."],
    ["meetings.agenda", [], "Meetings: give the agenda at least one item."],
    ["checkIns.firstDay", 0, "Check-ins: the first check-in must come after at least 1 day."],
    ["checkIns.firstDay", 366, "Check-ins: the first check-in must come within 365 days."],
    [
      "checkIns.everyDays",
      6,
      "Check-ins: leave at least 7 days between check-ins so they stay short and welcome.",
    ],
    ["checkIns.everyDays", 366, "Check-ins: leave at most 365 days between check-ins."],
    ["checkIns.questions", [], "Check-ins: ask at least one question."],
    [
      "checkIns.questions",
      Array(11).fill({ id: "q", label: "Fine?", kind: "yes_no" }),
      "Check-ins: ask at most 10 questions, so a check-in stays quick.",
    ],
    [
      "checkIns.answeredBy",
      "coordinator",
      "Check-ins: who answers must be one of: mentor, mentee, both.",
    ],
    [
      "coordinatorContact.firstMonthTouches",
      -1,
      "Coordinator contact: the first-month count cannot be negative.",
    ],
    [
      "coordinatorContact.firstMonthTouches",
      9,
      "Coordinator contact: reach out at most 8 times in the first month.",
    ],
    [
      "coordinatorContact.everyDays",
      6,
      "Coordinator contact: leave at least 7 days between contacts.",
    ],
    [
      "coordinatorContact.everyDays",
      181,
      "Coordinator contact: reach every pair at least every 180 days.",
    ],
    [
      "evaluations",
      Array(11).fill(evaluation({})),
      "Evaluations: a program can have at most 10 evaluations.",
    ],
    ["goals.minPerMatch", -1, "Goals: the minimum cannot be negative."],
    ["goals.minPerMatch", 11, "Goals: ask for at most 10 goals per pair."],
    ["goals.reviewEveryDays", 6, "Goals: leave at least 7 days between goal reviews."],
    ["goals.reviewEveryDays", 366, "Goals: review goals at least every 365 days."],
    ["agreement.required", "yes", "Agreement: required must be true or false."],
    ["agreement.sections.boundaries", "   ", "Agreement: the boundaries section cannot be empty."],
    [
      "agreement.sections.goals",
      "x".repeat(2001),
      "Agreement: the goals section can be at most 2000 characters.",
    ],
    [
      "agreement.safetyEscalation",
      false,
      "Agreement: safety and wellbeing concerns always go to coordinators; " +
        "this cannot be turned off.",
    ],
    [
      "matching.mode",
      "random",
      "Matching: the mode must be one of: coordinator, mentee_chooses, automatic.",
    ],
    [
      "matching.hardConstraints.sameDepartment",
      "never",
      "Matching: same department must be one of: allowed, not_allowed.",
    ],
    [
      "matching.hardConstraints.timeZoneOverlapHours",
      -1,
      "Matching: the time-zone overlap cannot be negative.",
    ],
    [
      "matching.hardConstraints.timeZoneOverlapHours",
      13,
      "Matching: the time-zone overlap can be at most 12 hours.",
    ],
    [
      "matching.hardConstraints.noReportingLine",
      1,
      "Matching: no reporting line must be true or false.",
    ],
    ["matching.mentorCapacity", -1, "Matching: the mentor capacity cannot be negative."],
    ["matching.mentorCapacity", 21, "Matching: a mentor can take at most 20 mentees at once."],
    [
      "matching.acceptanceWindowDays",
      0,
      "Matching: give mentors at least 1 day to accept a match.",
    ],
    [
      "matching.acceptanceWindowDays",
      31,
      "Matching: the acceptance window can be at most 30 days.",
    ],
    [
      "training.requiredBeforeMatching",
      null,
      "Training: required before matching must be true or false.",
    ],
    ["reminders.channels", [], "Reminders: choose at least one channel."],
    ["reminders.channels", ["email", "email"], "Reminders: list each channel once."],
    ["reminders.leadTimeHours", 0, "Reminders: send reminders at least 1 hour ahead."],
    ["reminders.leadTimeHours", 169, "Reminders: send reminders at most 168 hours (a week) ahead."],
    [
      "reminders.quietHours.start",
      "9pm",
      "Reminders: the start of quiet hours must be a time like 21:00.",
    ],
    [
      "reminders.quietHours.end",
      "24:00",
      "Reminders: the end of quiet hours must be a time like 21:00.",
    ],
    [
      "reminders.escalateAfterDaysOverdue",
      0,
      "Reminders: escalate to a coordinator after at least 1 day overdue.",
    ],
    [
      "reminders.escalateAfterDaysOverdue",
      61,
      "Reminders: escalate to a coordinator within 60 days overdue.",
    ],
    ["closure.plannedProcedure", "", "Closure: the planned-ending procedure cannot be empty."],
    ["closure.exitSurvey", "no", "Closure: exit survey must be true or false."],
    ["closure.rematchWaitDays", -1, "Closure: the rematch wait cannot be negative."],
    ["closure.rematchWaitDays", 366, "Closure: the rematch wait can be at most 365 days."],
  ])("refuses %s = %j", (path, value, message) => {
    expect(problems(at(path, value))).toContainEqual({ field: path, message });
  });

  it.each([
    [
      "checkIns.questions.0.id",
      { checkIns: { questions: [{ id: "Bad Id", label: "Fine?", kind: "text" }] } },
      "Check-ins: a question id must start with a letter and use only lowercase letters, " +
        "digits and underscores (at most 40).",
    ],
    [
      "checkIns.questions.0.label",
      { checkIns: { questions: [{ id: "ok", label: "Hi", kind: "text" }] } },
      "Check-ins: a question needs at least 3 characters.",
    ],
    [
      "checkIns.questions.0.kind",
      { checkIns: { questions: [{ id: "ok", label: "Fine?", kind: "nps" }] } },
      "Check-ins: the answer kind must be one of: rating, text, yes_no.",
    ],
    [
      "evaluations.0.daysAfterEnd",
      { evaluations: [evaluation({ at: "after_end" })] },
      "Evaluations: say how many days after the end this evaluation is sent.",
    ],
    [
      "evaluations.0.daysAfterEnd",
      { evaluations: [evaluation({ daysAfterEnd: 30 })] },
      "Evaluations: days after the end only apply to an evaluation held after the end.",
    ],
    [
      "evaluations.0.daysAfterEnd",
      { evaluations: [evaluation({ at: "after_end", daysAfterEnd: 0 })] },
      "Evaluations: a follow-up must come at least 1 day after the end.",
    ],
    [
      "evaluations.0.at",
      { evaluations: [evaluation({ at: "later" })] },
      "Evaluations: the moment must be one of: midpoint, end, after_end.",
    ],
    [
      "evaluations.0.kind",
      { evaluations: [evaluation({ kind: "mentor" })] },
      "Evaluations: the kind must be one of: relationship, program.",
    ],
    [
      "evaluations.0.template.questions",
      { evaluations: [evaluation({ template: { questions: [] } })] },
      "Evaluations: ask at least one question.",
    ],
    [
      "evaluations.0.template.questions.0.kind",
      {
        evaluations: [
          evaluation({ template: { questions: [{ id: "q", label: "Score?", kind: "stars" }] } }),
        ],
      },
      "Evaluations: the answer kind must be one of: rating, text, nps.",
    ],
    [
      "matching.criteria.0.weight",
      { matching: { criteria: [{ field: "skills", weight: 0 }] } },
      "Matching: a criterion's weight must be at least 1.",
    ],
    [
      "matching.criteria.0.weight",
      { matching: { criteria: [{ field: "skills", weight: 11 }] } },
      "Matching: a criterion's weight can be at most 10 (a must).",
    ],
    [
      "matching.criteria.0.field",
      { matching: { criteria: [{ field: "hobbies", weight: 5 }] } },
      "Matching: a criterion must be one of: interests, skills, department, seniority, " +
        "languages, time_zone, availability.",
    ],
  ])("refuses a bad %s", (field, input, message) => {
    expect(problems(input)).toContainEqual({ field, message });
  });

  it("reports every bad field at once, not just the first", () => {
    const found = problems({ meetings: { frequencyDays: 0 }, goals: { minPerMatch: 99 } });
    expect(found.map((p) => p.field)).toEqual(["meetings.frequencyDays", "goals.minPerMatch"]);
  });
});
