import { describe, expect, it } from "vitest";
import { dueReminders, nextDueAt } from "../../../workers/shared/src/domain/reminders";
import { at, keys, mentee, mentor, only, state } from "./state";

describe("check-ins", () => {
  it("tells both people the day a check-in opens, timed for the morning", () => {
    const due = only(dueReminders(state(), at("2030-03-31T00:30:00Z")), "check_in_due");
    expect(keys(due)).toEqual([
      "check_in_due:match-1:mentee-1:1",
      "check_in_due:match-1:mentor-1:1",
    ]);
    expect(due.map((r) => r.sendAt)).toEqual([
      at("2030-03-31T08:00:00Z"),
      at("2030-03-31T08:00:00Z"),
    ]);
    expect(due[0]!.text).toBe(
      "Check-in 1 is open until 2030-05-29: a few questions on how your mentoring is going.",
    );
  });

  it("says nothing about a check-in before it opens", () => {
    expect(only(dueReminders(state(), at("2030-03-30T23:59:00Z")), "check_in_due")).toEqual([]);
  });

  it("reminds only the person who has not answered", () => {
    const answered = state({ checkInAnswers: [{ period: 1, answeredBy: [mentee.id] }] });
    const due = dueReminders(answered, at("2030-04-01T12:00:00Z"));
    expect(keys(only(due, "check_in_due"))).toEqual(["check_in_due:match-1:mentor-1:1"]);
  });

  it("asks only the mentee when the program asks only mentees to answer", () => {
    const s = state();
    s.rules.checkIns.answeredBy = "mentee";
    expect(keys(only(dueReminders(s, at("2030-04-01T12:00:00Z")), "check_in_due"))).toEqual([
      "check_in_due:match-1:mentee-1:1",
    ]);
  });

  it("calls a check-in overdue from the middle of its window while it is still open", () => {
    const before = dueReminders(state(), at("2030-04-29T23:59:00Z"));
    expect(only(before, "check_in_overdue")).toEqual([]);
    const after = only(dueReminders(state(), at("2030-04-30T09:00:00Z")), "check_in_overdue");
    expect(keys(after)).toEqual([
      "check_in_overdue:match-1:mentee-1:1",
      "check_in_overdue:match-1:mentor-1:1",
    ]);
    expect(after[0]!.text).toBe(
      "Check-in 1 is still waiting for your answers; it closes on 2030-05-29.",
    );
  });

  it("stops once the check-in closes and moves on to the next one", () => {
    const due = dueReminders(state(), at("2030-05-30T09:00:00Z"));
    expect(due.filter((r) => r.period === "1")).toEqual([]);
    expect(keys(only(due, "check_in_due"))).toEqual([
      "check_in_due:match-1:mentee-1:2",
      "check_in_due:match-1:mentor-1:2",
    ]);
  });
});

describe("meetings", () => {
  it("reminds both people lead-time hours before the next meeting, and not after it starts", () => {
    expect(only(dueReminders(state(), at("2030-03-09T14:59:00Z")), "meeting_soon")).toEqual([]);
    const due = only(dueReminders(state(), at("2030-03-09T15:00:00Z")), "meeting_soon");
    expect(keys(due)).toEqual([
      "meeting_soon:match-1:mentee-1:2030-03-10T15:00:00.000Z",
      "meeting_soon:match-1:mentor-1:2030-03-10T15:00:00.000Z",
    ]);
    expect(due[0]!.text).toBe("Your next mentoring meeting starts in 24 hours.");
    expect(only(dueReminders(state(), at("2030-03-10T15:00:00Z")), "meeting_soon")).toEqual([]);
  });

  it("a moved meeting is a new occurrence with its own key", () => {
    const moved = state({ nextMeetingAt: at("2030-03-11T15:00:00Z") });
    expect(keys(only(dueReminders(moved, at("2030-03-10T16:00:00Z")), "meeting_soon"))).toEqual([
      "meeting_soon:match-1:mentee-1:2030-03-11T15:00:00.000Z",
      "meeting_soon:match-1:mentor-1:2030-03-11T15:00:00.000Z",
    ]);
  });

  it("nudges a pair that has not met within the cadence, from the day after it ran out", () => {
    const none = state({ nextMeetingAt: null });
    expect(
      only(dueReminders(none, at("2030-03-15T23:59:00Z")), "no_meeting_within_cadence"),
    ).toEqual([]);
    const due = only(dueReminders(none, at("2030-03-16T00:00:00Z")), "no_meeting_within_cadence");
    expect(keys(due)).toEqual([
      "no_meeting_within_cadence:match-1:mentee-1:2030-03-01T10:00:00.000Z",
      "no_meeting_within_cadence:match-1:mentor-1:2030-03-01T10:00:00.000Z",
    ]);
    expect(due[0]!.sendAt).toEqual(at("2030-03-16T08:00:00Z"));
    expect(due[0]!.text).toBe(
      "You haven't had your first meeting yet; pick a time that suits you both.",
    );
  });

  it("counts the cadence from the last meeting held", () => {
    const met = state({ nextMeetingAt: null, lastHeldMeetingAt: at("2030-03-05T12:00:00Z") });
    expect(
      only(dueReminders(met, at("2030-03-19T23:00:00Z")), "no_meeting_within_cadence"),
    ).toEqual([]);
    const due = only(dueReminders(met, at("2030-03-20T09:00:00Z")), "no_meeting_within_cadence");
    expect(due.map((r) => r.period)).toEqual([
      "2030-03-05T12:00:00.000Z",
      "2030-03-05T12:00:00.000Z",
    ]);
    expect(due[0]!.text).toBe(
      "You haven't met for more than 14 days; pick a time for your next meeting.",
    );
  });

  it("does not nudge a pair that has a meeting scheduled", () => {
    expect(
      only(dueReminders(state(), at("2030-03-09T09:00:00Z")), "no_meeting_within_cadence"),
    ).toEqual([]);
  });
});

describe("the agreement", () => {
  const pending = () =>
    state({ agreement: { settled: false, pendingSince: at("2030-03-01T10:00:00Z") } });

  it("reminds both people a lead time before the grace the program gives runs out", () => {
    expect(only(dueReminders(pending(), at("2030-03-14T23:59:00Z")), "agreement_pending")).toEqual(
      [],
    );
    const due = only(dueReminders(pending(), at("2030-03-15T09:00:00Z")), "agreement_pending");
    expect(keys(due)).toEqual([
      "agreement_pending:match-1:mentee-1:2030-03-01T10:00:00.000Z",
      "agreement_pending:match-1:mentor-1:2030-03-01T10:00:00.000Z",
    ]);
    expect(due[0]!.text).toBe(
      "Your mentoring agreement is waiting for both of you; please settle it by 2030-03-15.",
    );
  });

  it("says nothing once settled, or when the program does not require one", () => {
    expect(only(dueReminders(state(), at("2030-03-20T09:00:00Z")), "agreement_pending")).toEqual(
      [],
    );
    const optional = pending();
    optional.rules.agreement.required = false;
    expect(only(dueReminders(optional, at("2030-03-20T09:00:00Z")), "agreement_pending")).toEqual(
      [],
    );
  });
});

describe("goals and commitments", () => {
  it("reminds both people on the morning of a goal's review day", () => {
    const s = state({
      goals: [
        { id: "goal-1", nextReviewOn: "2030-04-01" },
        { id: "goal-2", nextReviewOn: null },
      ],
    });
    expect(only(dueReminders(s, at("2030-03-31T23:59:00Z")), "goal_review_due")).toEqual([]);
    const due = only(dueReminders(s, at("2030-04-01T00:00:00Z")), "goal_review_due");
    expect(keys(due)).toEqual([
      "goal_review_due:goal-1:mentee-1:2030-04-01",
      "goal_review_due:goal-1:mentor-1:2030-04-01",
    ]);
    expect(due[0]!.sendAt).toEqual(at("2030-04-01T08:00:00Z"));
  });

  it("reminds only a commitment's owner, and only while it is not done", () => {
    const s = state({
      commitments: [
        { id: "c-1", ownerId: mentee.id, dueOn: "2030-03-20", done: false },
        { id: "c-2", ownerId: mentor.id, dueOn: "2030-03-20", done: true },
      ],
    });
    const due = only(dueReminders(s, at("2030-03-20T10:00:00Z")), "commitment_due");
    expect(keys(due)).toEqual(["commitment_due:c-1:mentee-1:2030-03-20"]);
    expect(due[0]!.text).toBe("Something you committed to is due on 2030-03-20.");
  });

  it("refuses a commitment owned by someone outside the pair rather than drop it", () => {
    const s = state({
      commitments: [{ id: "c-1", ownerId: "stranger", dueOn: "2030-03-20", done: false }],
    });
    expect(() => dueReminders(s, at("2030-03-20T10:00:00Z"))).toThrow(/not in match match-1/);
  });
});

describe("coordinators and requests", () => {
  it("reminds the coordinators of a contact due, on their own clock", () => {
    const s = state({ contactDueOn: "2030-03-15" }, { coordinatorTimeZone: "Asia/Tokyo" });
    // Midnight of the 15th in Tokyo is 15:00 UTC on the 14th; the reminder waits until 08:00.
    expect(only(dueReminders(s, at("2030-03-14T14:59:00Z")), "contact_due")).toEqual([]);
    const due = only(dueReminders(s, at("2030-03-14T15:00:00Z")), "contact_due");
    expect(keys(due)).toEqual(["contact_due:match-1:coordinators:2030-03-15"]);
    expect(due[0]!.sendAt).toEqual(at("2030-03-14T23:00:00Z"));
  });

  it("reminds a mentor of a request before it expires, with no match needed", () => {
    const s = state(
      {},
      {
        match: null,
        mentorRequest: { id: "req-1", mentor, expiresAt: at("2030-03-05T12:00:00Z") },
      },
    );
    expect(dueReminders(s, at("2030-03-04T11:59:00Z"))).toEqual([]);
    const due = dueReminders(s, at("2030-03-04T12:00:00Z"));
    expect(keys(due)).toEqual(["request_expiring:req-1:mentor-1:2030-03-05T12:00:00.000Z"]);
    expect(due[0]!.text).toBe(
      "A mentee's request is waiting for your answer; it expires in 24 hours.",
    );
    expect(dueReminders(s, at("2030-03-05T12:00:00Z"))).toEqual([]);
  });
});

describe("the next due moment", () => {
  it("is the earliest moment still to come", () => {
    expect(nextDueAt(state(), at("2030-03-01T12:00:00Z"))).toEqual(at("2030-03-09T15:00:00Z"));
    expect(nextDueAt(state(), at("2030-03-09T16:00:00Z"))).toEqual(at("2030-03-31T00:00:00Z"));
  });

  it("includes escalations still to come", () => {
    const s = state({
      nextMeetingAt: at("2030-06-01T12:00:00Z"),
      commitments: [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-03-02", done: false }],
    });
    expect(nextDueAt(s, at("2030-03-03T12:00:00Z"))).toEqual(at("2030-03-10T00:00:00Z"));
  });

  it("is null when nothing will ever be due", () => {
    expect(nextDueAt(state({}, { match: null }), at("2030-03-01T12:00:00Z"))).toBeNull();
  });
});
