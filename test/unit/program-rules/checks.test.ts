import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  applicationForm,
  defaultRules,
  type ProgramRulesInput,
  type ProgramShape,
  programLengthDays,
  programRules,
  programTemplates,
  rulesProblems,
} from "../../../workers/shared/src/domain/program-rules";

const semester: ProgramShape = { startsOn: null, endsOn: null, relationshipLengthDays: 120 };
const openEnded: ProgramShape = {
  startsOn: "2025-01-01",
  endsOn: null,
  relationshipLengthDays: null,
};

function problemsFor(input: ProgramRulesInput, program: ProgramShape = semester) {
  return rulesProblems(v.parse(programRules, input), program);
}

function fieldsFor(input: ProgramRulesInput, program: ProgramShape = semester) {
  return problemsFor(input, program).map((p) => p.field);
}

const question = (id: string) => ({ id, label: "How is it going?", kind: "rating" as const });

describe("program length", () => {
  it("prefers the relationship length, then the program's dates, else has none", () => {
    expect(
      programLengthDays({
        startsOn: "2025-01-01",
        endsOn: "2025-03-01",
        relationshipLengthDays: 30,
      }),
    ).toBe(30);
    expect(
      programLengthDays({
        startsOn: "2025-01-01",
        endsOn: "2025-03-01",
        relationshipLengthDays: null,
      }),
    ).toBe(59);
    expect(programLengthDays(openEnded)).toBeNull();
    expect(
      programLengthDays({
        startsOn: "2025-03-01",
        endsOn: "2025-01-01",
        relationshipLengthDays: null,
      }),
    ).toBeNull();
  });
});

describe("rules problems", () => {
  it("finds none in the default rules for a semester-long program", () => {
    expect(rulesProblems(defaultRules(), semester)).toEqual([]);
  });

  it("flags a first check-in after relationships have ended", () => {
    const [problem] = problemsFor(
      { checkIns: { firstDay: 90 } },
      { ...semester, relationshipLengthDays: 60 },
    );
    expect(problem).toEqual({
      field: "checkIns.firstDay",
      message:
        "Check-ins: the first check-in on day 90 comes too late; relationships last 60 days.",
    });
  });

  it("flags a check-in cadence longer than the program, measured from its dates", () => {
    const dated = { startsOn: "2025-09-01", endsOn: "2025-10-31", relationshipLengthDays: null };
    expect(fieldsFor({ checkIns: { firstDay: 20, everyDays: 90 } }, dated)).toEqual([
      "checkIns.everyDays",
    ]);
  });

  it("flags meetings and goal reviews spaced further apart than the program lasts", () => {
    const short = { ...semester, relationshipLengthDays: 40 };
    expect(
      fieldsFor(
        {
          meetings: { frequencyDays: 45 },
          checkIns: { firstDay: 10, everyDays: 20 },
          goals: { reviewEveryDays: 60 },
        },
        short,
      ),
    ).toEqual(["meetings.frequencyDays", "goals.reviewEveryDays"]);
  });

  it("flags an evaluation after the end of a program that has no end", () => {
    const followUp = {
      id: "follow_up",
      kind: "program" as const,
      at: "after_end" as const,
      daysAfterEnd: 30,
      template: { questions: [question("useful")] },
    };
    const found = problemsFor({ evaluations: [followUp] }, openEnded);
    expect(found).toEqual([
      { field: "evaluations.0.at", message: expect.stringMatching(/no end date/) },
    ]);
    expect(
      problemsFor({ evaluations: [followUp] }, { ...openEnded, endsOn: "2025-12-31" }),
    ).toEqual([]);
  });

  it("flags a mid-point evaluation when relationships have no length", () => {
    expect(fieldsFor({}, openEnded)).toEqual(["evaluations.0.at"]);
  });

  it("flags quiet hours that start and end at the same time", () => {
    const found = problemsFor({ reminders: { quietHours: { start: "22:00", end: "22:00" } } });
    expect(found).toEqual([
      { field: "reminders.quietHours.end", message: expect.stringMatching(/never apply/) },
    ]);
  });

  it("flags a reminder lead time longer than the gap between meetings", () => {
    expect(fieldsFor({ meetings: { frequencyDays: 1 }, reminders: { leadTimeHours: 48 } })).toEqual(
      ["reminders.leadTimeHours"],
    );
  });

  it("flags automatic matching with nothing to match on", () => {
    expect(problemsFor({ matching: { mode: "automatic", criteria: [] } })).toEqual([
      {
        field: "matching.criteria",
        message: "Matching: automatic matching needs at least one criterion to compare people on.",
      },
    ]);
    expect(fieldsFor({ matching: { mode: "coordinator", criteria: [] } })).toEqual([]);
  });

  it("flags a must criterion on a profile field the application form hides", () => {
    const form = v.parse(applicationForm, { profileFields: { languages: "hidden" } });
    const rules = {
      matching: {
        criteria: [
          { field: "skills" as const, weight: 4 },
          { field: "languages" as const, weight: 10 },
        ],
      },
    };
    expect(fieldsFor(rules, { ...semester, applicationForm: form })).toEqual([
      "matching.criteria.1.field",
    ]);
    const weighted = { matching: { criteria: [{ field: "languages" as const, weight: 9 }] } };
    expect(fieldsFor(weighted, { ...semester, applicationForm: form })).toEqual([]);
  });

  it("maps the time_zone criterion to the form's timeZone field", () => {
    const form = v.parse(applicationForm, { profileFields: { timeZone: "hidden" } });
    const rules = {
      matching: {
        criteria: [{ field: "time_zone" as const, weight: 10 }],
        hardConstraints: { timeZoneOverlapHours: 3 },
      },
    };
    expect(fieldsFor(rules, { ...semester, applicationForm: form })).toEqual([
      "matching.criteria.0.field",
      "matching.hardConstraints.timeZoneOverlapHours",
    ]);
  });

  it("flags a cross-department rule when the form hides the department", () => {
    const form = v.parse(applicationForm, { profileFields: { department: "hidden" } });
    const rules = { matching: { hardConstraints: { sameDepartment: "not_allowed" as const } } };
    expect(fieldsFor(rules, { ...semester, applicationForm: form })).toEqual([
      "matching.hardConstraints.sameDepartment",
    ]);
  });

  it("flags a mentor capacity of 0 only while matching is on", () => {
    expect(fieldsFor({ matching: { mentorCapacity: 0 } })).toEqual(["matching.mentorCapacity"]);
    expect(fieldsFor({ matching: { mentorCapacity: 0, enabled: false } })).toEqual([]);
  });

  it("flags duplicate ids in check-ins, evaluations, their questions and criteria", () => {
    const evaluation = (id: string) => ({
      id,
      kind: "relationship" as const,
      at: "end" as const,
      template: { questions: [question("trust"), question("trust")] },
    });
    const found = problemsFor({
      checkIns: { questions: [question("mood"), question("pace"), question("mood")] },
      evaluations: [evaluation("final"), evaluation("final")],
      matching: {
        criteria: [
          { field: "skills", weight: 3 },
          { field: "skills", weight: 5 },
        ],
      },
    });
    expect(found.map((p) => p.field)).toEqual([
      "checkIns.questions.2.id",
      "evaluations.1.id",
      "evaluations.0.template.questions.1.id",
      "evaluations.1.template.questions.1.id",
      "matching.criteria.1.field",
    ]);
    expect(found[0]?.message).toBe('Check-ins: the question id "mood" is used twice.');
  });
});

describe("program templates", () => {
  it("offers the three built-in templates", () => {
    expect(programTemplates.map((t) => t.key)).toEqual([
      "university-peer",
      "new-hire-buddy",
      "career-mentoring",
    ]);
  });

  it.each(programTemplates.map((t) => [t.key, t] as const))(
    "%s is complete and consistent",
    (_key, t) => {
      expect(t.name && t.description && t.audience).toBeTruthy();
      expect(v.parse(programRules, t.rules)).toEqual(t.rules);
      expect(v.parse(applicationForm, t.applicationForm)).toEqual(t.applicationForm);
      const program = {
        startsOn: null,
        endsOn: null,
        relationshipLengthDays: t.relationshipLengthDays,
      };
      expect(rulesProblems(t.rules, { ...program, applicationForm: t.applicationForm })).toEqual(
        [],
      );
    },
  );

  it("fits each template to its audience", () => {
    const [university, buddy, career] = programTemplates;
    expect(university?.relationshipLengthDays).toBeLessThanOrEqual(120);
    expect(buddy?.relationshipLengthDays).toBe(90);
    expect(buddy?.rules.meetings.frequencyDays).toBe(7);
    expect(career?.relationshipLengthDays).toBeGreaterThanOrEqual(180);
    expect(career?.rules.goals.minPerMatch).toBeGreaterThanOrEqual(2);
    expect(career?.rules.meetings.frequencyDays).toBeGreaterThan(14);
  });

  it("cannot be changed by a caller that forgets to copy", () => {
    const template = programTemplates[0]!;
    expect(() => {
      template.rules.meetings.frequencyDays = 1;
    }).toThrow(TypeError);
    expect(() => structuredClone(template.rules)).not.toThrow();
  });
});
