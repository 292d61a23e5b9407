import { describe, expect, it } from "vitest";
import {
  type HealthFacts,
  levelOf,
  matchHealth,
} from "../../../workers/shared/src/domain/stewardship";

// A match begun on 1 March 2030 (UTC); the default rules: meet every 14 days for 30 minutes,
// an agreement required, two coordinator touches in the first month then one every 30 days.
const began = new Date("2030-03-01T10:00:00Z");
const at = (day: string, time = "12:00") => new Date(`${day}T${time}:00Z`);

function facts(change: Partial<HealthFacts> = {}): HealthFacts {
  return {
    activatedAt: began,
    timeZone: "UTC",
    rules: {
      meetings: { frequencyDays: 14, minMinutes: 30 },
      agreement: { required: true },
      coordinatorContact: { firstMonthTouches: 2, everyDays: 30 },
    },
    meetings: [],
    checkInRatings: [],
    commitments: [],
    agreementSettled: true,
    openConcerns: [],
    contacts: ["2030-03-10", "2030-03-25"],
    ...change,
  };
}
const held = (day: string, heldMinutes: number | null = 45) => ({
  status: "held" as const,
  startsAt: at(day),
  heldMinutes,
});
const missed = (day: string) => ({
  status: "missed" as const,
  startsAt: at(day),
  heldMinutes: null,
});

const reason = (f: HealthFacts, now: Date, code: string) =>
  matchHealth(f, now).reasons.find((r) => r.code === code);

describe("a healthy match", () => {
  it("has no reasons while the pair meets, answers well and the coordinator keeps in touch", () => {
    const signal = matchHealth(
      facts({
        meetings: [held("2030-03-05"), held("2030-03-18")],
        checkInRatings: [{ period: 1, ratings: [4, 5, 4, 4] }],
      }),
      at("2030-03-30"),
    );
    expect(signal).toEqual({ level: "healthy", reasons: [] });
  });
});

describe("meetings", () => {
  it("counts the days since the last meeting against the program's frequency", () => {
    const f = facts({ meetings: [held("2030-03-05")] });
    expect(reason(f, at("2030-03-19"), "no_meeting")).toBeUndefined();
    expect(reason(f, at("2030-04-05"), "no_meeting")).toEqual({
      code: "no_meeting",
      text: "No meeting for 31 days; the program asks for one every 14 days.",
      gentle: "It's been a while since you met.",
      severity: "at_risk",
    });
    expect(reason(f, at("2030-03-25"), "no_meeting")?.severity).toBe("needs_attention");
  });

  it("counts from the match's beginning before a first meeting", () => {
    const r = reason(facts(), at("2030-03-20"), "no_meeting");
    expect(r?.text).toBe(
      "No meeting yet, 19 days into the match; the program asks for one every 14 days.",
    );
    expect(r?.gentle).toBe("You haven't had your first meeting yet.");
    expect(r?.severity).toBe("needs_attention");
  });

  it("does not count a meeting shorter than the program's minimum as meeting", () => {
    const f = facts({ meetings: [held("2030-03-05", 45), held("2030-03-18", 10)] });
    expect(reason(f, at("2030-03-25"), "no_meeting")?.text).toMatch(/^No meeting for 20 days/);
  });

  it("says when the last meeting was shorter than the program asks", () => {
    const f = facts({ meetings: [held("2030-03-05", 45), held("2030-03-18", 10)] });
    expect(reason(f, at("2030-03-20"), "short_meeting")).toEqual({
      code: "short_meeting",
      text: "The last meeting lasted 10 minutes; the program asks for at least 30.",
      gentle: "Your last meeting was shorter than the program suggests.",
      severity: "needs_attention",
    });
    const longer = facts({ meetings: [held("2030-03-05", 10), held("2030-03-18", 45)] });
    expect(reason(longer, at("2030-03-20"), "short_meeting")).toBeUndefined();
  });

  it("flags a missed meeting, and two missed in a row as at risk", () => {
    const once = facts({ meetings: [held("2030-03-05"), missed("2030-03-12")] });
    expect(reason(once, at("2030-03-14"), "missed_meetings")).toEqual({
      code: "missed_meetings",
      text: "The last meeting (2030-03-12) was missed.",
      gentle: "A meeting was missed; pick a new time when you can.",
      severity: "needs_attention",
    });
    const twice = facts({
      meetings: [held("2030-03-05"), missed("2030-03-08"), missed("2030-03-12")],
    });
    const r = reason(twice, at("2030-03-14"), "missed_meetings");
    expect(r?.text).toBe("The last 2 meetings were missed.");
    expect(r?.severity).toBe("at_risk");
  });

  it("forgets a missed meeting once the pair meets again; cancelled ones do not count", () => {
    const f = facts({
      meetings: [
        missed("2030-03-05"),
        held("2030-03-10"),
        { status: "cancelled", startsAt: at("2030-03-12"), heldMinutes: null },
      ],
    });
    expect(reason(f, at("2030-03-14"), "missed_meetings")).toBeUndefined();
  });
});

describe("check-in ratings", () => {
  it("flags a low latest average, never telling the pair", () => {
    const low = facts({ checkInRatings: [{ period: 1, ratings: [3, 2, 2, 3] }] });
    expect(reason(low, at("2030-03-14"), "low_ratings")).toEqual({
      code: "low_ratings",
      text: "Check-in 1's ratings average 2.5 of 5.",
      gentle: null,
      severity: "needs_attention",
    });
    const lower = facts({ checkInRatings: [{ period: 1, ratings: [1, 2] }] });
    expect(reason(lower, at("2030-03-14"), "low_ratings")?.severity).toBe("at_risk");
  });

  it("flags a fall of a point or more between the last two check-ins with ratings", () => {
    const f = facts({
      checkInRatings: [
        { period: 1, ratings: [5, 4] },
        { period: 2, ratings: [] },
        { period: 3, ratings: [3, 4] },
      ],
    });
    expect(reason(f, at("2030-03-14"), "falling_ratings")).toEqual({
      code: "falling_ratings",
      text: "Check-in ratings fell from 4.5 to 3.5 between check-ins 1 and 3.",
      gentle: null,
      severity: "needs_attention",
    });
    const steady = facts({
      checkInRatings: [
        { period: 1, ratings: [4, 4] },
        { period: 2, ratings: [4, 3] },
      ],
    });
    expect(reason(steady, at("2030-03-14"), "falling_ratings")).toBeUndefined();
  });
});

describe("commitments", () => {
  it("counts open commitments past their day", () => {
    const f = facts({
      commitments: [
        { dueOn: "2030-03-10", done: false },
        { dueOn: "2030-03-11", done: false },
        { dueOn: "2030-03-09", done: true },
        { dueOn: "2030-03-14", done: false },
      ],
    });
    expect(reason(f, at("2030-03-14"), "overdue_commitments")).toEqual({
      code: "overdue_commitments",
      text: "2 commitments are past their day.",
      gentle: "Some of what you planned to do is past its day.",
      severity: "needs_attention",
    });
  });
});

describe("the agreement", () => {
  it("waits 14 days, then flags a required agreement not acknowledged by both", () => {
    const f = facts({ agreementSettled: false });
    expect(reason(f, at("2030-03-15"), "agreement_pending")).toBeUndefined();
    expect(reason(f, at("2030-03-21"), "agreement_pending")).toEqual({
      code: "agreement_pending",
      text: "The agreement is not yet acknowledged by both, 20 days into the match.",
      gentle: "Your mentoring agreement is still waiting for both of you.",
      severity: "needs_attention",
    });
  });

  it("never flags an agreement the program does not require", () => {
    const f = facts({ agreementSettled: false });
    f.rules.agreement.required = false;
    expect(reason(f, at("2030-04-21"), "agreement_pending")).toBeUndefined();
  });
});

describe("concerns", () => {
  it("puts a match with an urgent concern at risk, never telling the pair", () => {
    const f = facts({ openConcerns: [{ urgency: "normal" }, { urgency: "urgent" }] });
    const signal = matchHealth(f, at("2030-03-14"));
    expect(signal.level).toBe("at_risk");
    expect(signal.reasons[0]).toEqual({
      code: "concern_open",
      text: "An urgent concern is open, of 2 open concerns.",
      gentle: null,
      severity: "at_risk",
    });
  });

  it("asks for attention for a concern that is not urgent", () => {
    const r = reason(
      facts({ openConcerns: [{ urgency: "low" }] }),
      at("2030-03-14"),
      "concern_open",
    );
    expect(r?.text).toBe("1 concern is open.");
    expect(r?.severity).toBe("needs_attention");
  });
});

describe("coordinator contact", () => {
  it("flags a contact past due, for coordinators only", () => {
    const f = facts({ meetings: [held("2030-03-12")], contacts: [] });
    expect(reason(f, at("2030-03-20"), "contact_overdue")).toEqual({
      code: "contact_overdue",
      text: "A coordinator's contact is 4 days overdue (due 2030-03-16).",
      gentle: null,
      severity: "needs_attention",
    });
    expect(reason(f, at("2030-03-16"), "contact_overdue")).toBeUndefined();
  });
});

describe("the level", () => {
  it("is that of the most serious reason, listed first", () => {
    const signal = matchHealth(
      facts({
        agreementSettled: false,
        meetings: [held("2030-03-01")],
        contacts: ["2030-03-10"],
      }),
      at("2030-04-05"),
    );
    expect(signal.level).toBe("at_risk");
    expect(signal.reasons.map((r) => r.severity)).toEqual([
      "at_risk",
      "needs_attention",
      "needs_attention",
    ]);
  });

  it("reads days in the match's own calendar", () => {
    // 16:00 UTC on 15 March is already 16 March in Tokyo: 15 days since the meeting there.
    const f = facts({ timeZone: "Asia/Tokyo", meetings: [held("2030-03-01")] });
    const now = at("2030-03-15", "16:00");
    expect(reason(f, now, "no_meeting")?.text).toMatch(/^No meeting for 15 days/);
    expect(reason({ ...f, timeZone: "UTC" }, now, "no_meeting")).toBeUndefined();
  });

  it("adds up to healthy without reasons", () => {
    expect(levelOf([])).toBe("healthy");
    expect(levelOf([{ severity: "needs_attention" }])).toBe("needs_attention");
  });
});
