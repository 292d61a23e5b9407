import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  defaultRules,
  type ProgramRulesInput,
  programRules,
  summarizeRules,
} from "../../../workers/shared/src/domain/program-rules";

const summary = (input: ProgramRulesInput) => summarizeRules(v.parse(programRules, input));

describe("rules summary", () => {
  it("describes the default rules in plain sentences", () => {
    expect(summarizeRules(defaultRules())).toEqual([
      "Pairs meet every 2 weeks, for at least 30 minutes, in person or by video.",
      "Mentors and mentees check in on day 30 and every 60 days after.",
      "Coordinators reach out to every pair twice in the first month, then monthly.",
      "Participants complete a relationship evaluation at the mid-point and a program " +
        "evaluation at the end.",
      "Each pair sets at least 1 goal and reviews progress every 30 days.",
      "Both people acknowledge a written agreement before they start.",
      "Concerns about safety or wellbeing always go to a coordinator.",
      "Coordinators propose each match, weighing interests and availability.",
      "Matches never pair people in the same reporting line.",
      "Each mentor takes up to 2 mentees and has 3 days to accept a match.",
      "Everyone completes the program's training before being matched.",
      "Reminders go by email and in-app notification 24 hours ahead, never between 21:00 and " +
        "08:00 local time; anything 7 days overdue goes to a coordinator.",
      "When a match ends, both people answer a short exit survey.",
      "People can join a new match 30 days after one ends.",
    ]);
  });

  it("follows changed meeting, check-in and coordinator rhythms", () => {
    const lines = summary({
      meetings: { frequencyDays: 7, minMinutes: 60, format: "video" },
      checkIns: { firstDay: 14, everyDays: 14, answeredBy: "mentee" },
      coordinatorContact: { firstMonthTouches: 1, everyDays: 14 },
    });
    expect(lines).toContain("Pairs meet every week, for at least an hour, by video.");
    expect(lines).toContain("Mentees check in on day 14 and every 2 weeks after.");
    expect(lines).toContain(
      "Coordinators reach out to every pair once in the first month, then every 2 weeks.",
    );
  });

  it("handles single units, zero counts and in-person meetings", () => {
    const lines = summary({
      meetings: { frequencyDays: 1, minMinutes: 90, format: "in_person" },
      coordinatorContact: { firstMonthTouches: 0, everyDays: 30 },
      goals: { minPerMatch: 0 },
      closure: { exitSurvey: false, rematchWaitDays: 0 },
      evaluations: [],
    });
    expect(lines).toContain("Pairs meet every day, for at least 90 minutes, in person.");
    expect(lines).toContain("Coordinators reach out to every pair monthly.");
    expect(lines).toContain(
      "Goals are optional; pairs that set them review progress every 30 days.",
    );
    expect(lines).toContain("There are no scheduled evaluations.");
    expect(lines).toContain("Matches end without an exit survey.");
    expect(lines).toContain("People can join a new match as soon as one ends.");
  });

  it("names the matching mode, its musts and its hard limits", () => {
    const lines = summary({
      matching: {
        mode: "automatic",
        criteria: [
          { field: "skills", weight: 4 },
          { field: "time_zone", weight: 10 },
        ],
        hardConstraints: { sameDepartment: "not_allowed", timeZoneOverlapHours: 1 },
        mentorCapacity: 1,
        acceptanceWindowDays: 1,
      },
      training: { requiredBeforeMatching: false },
    });
    expect(lines).toContain(
      "Tandem proposes matches automatically, weighing time zone (a must) and skills.",
    );
    expect(lines).toContain(
      "Matches never pair people in the same reporting line, always pair people from different " +
        "departments and need at least 1 waking hour in common.",
    );
    expect(lines).toContain("Each mentor takes up to 1 mentee and has 1 day to accept a match.");
    expect(lines).toContain("Training is offered but not required before matching.");
  });

  it("says when matching is paused and when the agreement is optional", () => {
    const lines = summary({ matching: { enabled: false }, agreement: { required: false } });
    expect(lines).toContain("New matches are paused.");
    expect(lines).toContain("A written agreement is offered but not required.");
    expect(lines).toContain("Concerns about safety or wellbeing always go to a coordinator.");
  });

  it("lists a follow-up evaluation with its delay", () => {
    const lines = summary({
      evaluations: [
        {
          id: "later",
          kind: "program",
          at: "after_end",
          daysAfterEnd: 90,
          template: { questions: [{ id: "q", label: "Still useful?", kind: "rating" }] },
        },
      ],
    });
    expect(lines).toContain("Participants complete a program evaluation 90 days after the end.");
  });

  it("lists a single reminder channel on its own", () => {
    const lines = summary({ reminders: { channels: ["webhook"], leadTimeHours: 1 } });
    expect(lines.find((l) => l.startsWith("Reminders"))).toMatch(/^Reminders go by webhook 1 hour/);
  });
});
