import { describe, expect, it } from "vitest";
import { dueReminders, type MatchEvaluation } from "../../../workers/shared/src/domain/reminders";
import { at, keys, mentee, mentor, only, state, wallClock } from "./state";

// The default match began on 1 March 2030 at 10:00 UTC; meetings every 14 days, so a pair is
// inactive after 28 days without anything happening; evaluations are answered within 14 days.
const midpoint = (change: Partial<MatchEvaluation> = {}): MatchEvaluation => ({
  id: "midpoint_check",
  kind: "relationship",
  opensAt: at("2030-06-01T10:00:00Z"),
  submittedBy: [],
  ...change,
});

describe("evaluation due", () => {
  it("tells both people the moment an evaluation opens, with the day to answer it by", () => {
    const s = state({ evaluations: [midpoint()] });
    expect(only(dueReminders(s, at("2030-06-01T09:59:00Z")), "evaluation_due")).toEqual([]);
    const due = only(dueReminders(s, at("2030-06-01T10:00:00Z")), "evaluation_due");
    expect(keys(due)).toEqual([
      "evaluation_due:match-1:mentee-1:midpoint_check",
      "evaluation_due:match-1:mentor-1:midpoint_check",
    ]);
    expect(due[0]!.text).toBe(
      "An evaluation of your mentoring relationship is open; please answer it by 2030-06-15.",
    );
  });

  it("reminds only whoever has not submitted it, and nobody once both have", () => {
    const one = state({ evaluations: [midpoint({ submittedBy: [mentee.id] })] });
    expect(keys(only(dueReminders(one, at("2030-06-02T12:00:00Z")), "evaluation_due"))).toEqual([
      "evaluation_due:match-1:mentor-1:midpoint_check",
    ]);
    const both = state({ evaluations: [midpoint({ submittedBy: [mentee.id, mentor.id] })] });
    const later = dueReminders(both, at("2030-06-30T12:00:00Z"));
    expect(later.filter((r) => r.rule === "evaluation_due" || r.period.startsWith("eval"))).toEqual(
      [],
    );
  });

  it("holds an evaluation that opens at night until quiet hours end", () => {
    const s = state({ evaluations: [midpoint({ opensAt: at("2030-06-01T22:30:00Z") })] });
    const due = only(dueReminders(s, at("2030-06-01T22:30:00Z")), "evaluation_due");
    expect(due.map((r) => r.sendAt)).toEqual([
      at("2030-06-02T08:00:00Z"),
      at("2030-06-02T08:00:00Z"),
    ]);
  });

  it("escalates an evaluation still unanswered a week after its answering window", () => {
    const s = state({ evaluations: [midpoint({ submittedBy: [mentee.id] })] });
    const escalations = (now: Date) =>
      only(dueReminders(s, now), "escalation").filter((r) => r.period.startsWith("evaluation"));
    // Overdue from the end of 15 June; seven days later is 23 June, 00:00 UTC.
    expect(escalations(at("2030-06-22T23:59:00Z"))).toEqual([]);
    const [escalation, ...more] = escalations(at("2030-06-23T09:00:00Z"));
    expect(more).toEqual([]);
    expect(escalation!.key).toBe("escalation:match-1:coordinators:evaluation_due/midpoint_check");
    expect(escalation!.text).toBe(
      'The pair\'s evaluation "midpoint_check", open since 2030-06-01, is not answered by both. Overdue for 7 days or more.',
    );
  });

  it("says nothing of evaluations when the caller did not read them", () => {
    expect(only(dueReminders(state(), at("2030-06-02T12:00:00Z")), "evaluation_due")).toEqual([]);
  });

  it("New York, fall back: an evaluation opening in the repeated hour is sent at 08:00 there", () => {
    const ny = { id: "mentee-1", timeZone: "America/New_York" };
    // 05:30 UTC on 3 November is 01:30 EDT, before the clocks go back at 06:00 UTC.
    const s = state({
      mentee: ny,
      evaluations: [midpoint({ opensAt: at("2030-11-03T05:30:00Z") })],
    });
    const [toMentee] = only(dueReminders(s, at("2030-11-03T05:30:00Z")), "evaluation_due").filter(
      (r) => r.recipientId === ny.id,
    );
    expect(toMentee!.sendAt).toEqual(at("2030-11-03T13:00:00Z"));
    expect(wallClock(toMentee!.sendAt, ny.timeZone)).toBe("2030-11-03 08:00");
    expect(toMentee!.text).toContain("please answer it by 2030-11-17.");
  });

  it("keeps the key when a person's time zone changes", () => {
    const s = (timeZone: string) =>
      state({ mentor: { id: mentor.id, timeZone }, evaluations: [midpoint()] });
    const mentorsOwn = (timeZone: string) =>
      dueReminders(s(timeZone), at("2030-06-02T16:00:00Z")).filter(
        (r) => r.recipientId === mentor.id,
      );
    expect(keys(mentorsOwn("America/New_York"))).toEqual(keys(mentorsOwn("Europe/Berlin")));
  });
});

describe("inactivity", () => {
  const quietSince = at("2030-03-05T12:00:00Z");

  it("nudges both people once nothing has happened for twice the meeting cadence", () => {
    const s = state({ lastActivityAt: quietSince });
    expect(only(dueReminders(s, at("2030-04-02T23:59:00Z")), "inactivity")).toEqual([]);
    const due = only(dueReminders(s, at("2030-04-03T09:00:00Z")), "inactivity");
    expect(keys(due)).toEqual([
      "inactivity:match-1:mentee-1:2030-03-05T12:00:00.000Z",
      "inactivity:match-1:mentor-1:2030-03-05T12:00:00.000Z",
    ]);
    expect(due[0]!.text).toBe(
      "Nothing has happened in your mentoring for more than 28 days; a short message or a meeting gets things going again.",
    );
  });

  it("counts from the match's start when nothing has happened yet", () => {
    const s = state({ lastActivityAt: null });
    expect(only(dueReminders(s, at("2030-03-29T23:59:00Z")), "inactivity")).toEqual([]);
    expect(keys(only(dueReminders(s, at("2030-03-30T08:00:00Z")), "inactivity"))).toEqual([
      "inactivity:match-1:mentee-1:2030-03-01T10:00:00.000Z",
      "inactivity:match-1:mentor-1:2030-03-01T10:00:00.000Z",
    ]);
  });

  it("follows the program's cadence and stops when the pair does something", () => {
    const s = state({ lastActivityAt: quietSince });
    s.rules.meetings.frequencyDays = 7;
    expect(keys(only(dueReminders(s, at("2030-03-20T09:00:00Z")), "inactivity"))).toHaveLength(2);
    const active = state({ lastActivityAt: at("2030-03-19T18:00:00Z") });
    expect(only(dueReminders(active, at("2030-03-20T09:00:00Z")), "inactivity")).toEqual([]);
  });

  it("escalates to the coordinators once, however many people were nudged", () => {
    const s = state({ lastActivityAt: quietSince });
    const due = only(dueReminders(s, at("2030-04-10T09:00:00Z")), "escalation").filter((r) =>
      r.period.startsWith("inactivity/"),
    );
    expect(keys(due)).toEqual([
      "escalation:match-1:coordinators:inactivity/2030-03-05T12:00:00.000Z",
    ]);
    expect(due[0]!.text).toBe(
      "Nothing has happened in the match for more than 28 days. Overdue for 7 days or more.",
    );
  });

  it("Berlin, spring forward: due as the day after the 28th ends there, sent at 08:00", () => {
    const berlin = { id: "mentor-1", timeZone: "Europe/Berlin" };
    const s = state({ mentor: berlin, lastActivityAt: at("2030-03-03T12:00:00Z") });
    // 3 March + 28 days is 31 March, the day Berlin's clocks go forward; it ends at 22:00 UTC.
    const due = only(dueReminders(s, at("2030-03-31T22:30:00Z")), "inactivity");
    expect(due.map((r) => r.recipientId)).toEqual([berlin.id]);
    expect(wallClock(due[0]!.sendAt, berlin.timeZone)).toBe("2030-04-01 08:00");
  });

  it("keeps the key when a person's time zone changes", () => {
    const s = (timeZone: string) =>
      state({ mentor: { id: mentor.id, timeZone }, lastActivityAt: quietSince });
    const mentorsOwn = (timeZone: string) =>
      only(dueReminders(s(timeZone), at("2030-04-04T16:00:00Z")), "inactivity").filter(
        (r) => r.recipientId === mentor.id,
      );
    expect(keys(mentorsOwn("America/New_York"))).toEqual(keys(mentorsOwn("Europe/Berlin")));
    expect(keys(mentorsOwn("Europe/Berlin"))).toHaveLength(1);
  });
});
