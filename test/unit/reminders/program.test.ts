import { describe, expect, it } from "vitest";
import { defaultRules } from "../../../workers/shared/src/domain/program-rules";
import {
  dueReminders,
  nextDueAt,
  type PairAttention,
  type Person,
  type ProgramSnapshot,
  type ReminderState,
  type Trainee,
} from "../../../workers/shared/src/domain/reminders";
import { at, keys, wallClock } from "./state";

// A program's own reminders: its approved members' training, its coordinators' Monday digest.
// 4 March 2030 is a Monday (ISO week 10); Berlin's clocks go forward on Sunday 31 March and
// back on 27 October, New York's on 10 March and 3 November.
const trainee = (change: Partial<Trainee> = {}): Trainee => ({
  enrollmentId: "enr-1",
  person: { id: "mem-1", timeZone: "UTC" },
  approvedAt: at("2030-03-05T10:00:00Z"),
  matched: false,
  trainingLeft: 2,
  ...change,
});

const pairs: PairAttention[] = [
  {
    matchId: "m-2",
    mentorName: "Ann",
    menteeName: "Bo",
    level: "needs_attention",
    reasons: ["2 commitments are past their day."],
  },
  {
    matchId: "m-1",
    mentorName: "Cy",
    menteeName: "Di",
    level: "at_risk",
    reasons: [
      "No meeting for 31 days; the program asks for one every 14 days.",
      "An urgent concern is open.",
    ],
  },
];

function programState(change: Partial<ProgramSnapshot> = {}): ReminderState {
  return {
    rules: defaultRules(),
    coordinatorTimeZone: "UTC",
    match: null,
    mentorRequest: null,
    program: { id: "prog-1", trainees: [], coordinators: [], pairsNeedingAttention: [], ...change },
  };
}
const training = (t: Trainee) => programState({ trainees: [t] });
const digest = (coordinators: Person[], attention = pairs) =>
  programState({ coordinators, pairsNeedingAttention: attention });
const berlin = { id: "coord-1", timeZone: "Europe/Berlin" };
const newYork = { id: "coord-1", timeZone: "America/New_York" };

describe("training pending", () => {
  it("reminds an approved, untrained member a day after approval, once that week", () => {
    const s = training(trainee());
    expect(dueReminders(s, at("2030-03-06T09:59:00Z"))).toEqual([]);
    const [reminder, ...more] = dueReminders(s, at("2030-03-06T10:00:00Z"));
    expect(more).toEqual([]);
    expect(reminder!.key).toBe("training_pending:enr-1:mem-1:2030-W10");
    expect(reminder!.text).toBe(
      "You can be matched once your training is done: 2 items left to complete.",
    );
    expect(keys(dueReminders(s, at("2030-03-10T20:00:00Z")))).toEqual(keys([reminder!]));
  });

  it("reminds again each Monday, in the morning on the member's clock", () => {
    const s = training(trainee());
    expect(nextDueAt(s, at("2030-03-06T12:00:00Z"))).toEqual(at("2030-03-11T00:00:00Z"));
    const due = dueReminders(s, at("2030-03-11T00:30:00Z"));
    expect(keys(due)).toEqual(["training_pending:enr-1:mem-1:2030-W11"]);
    expect(due[0]!.sendAt).toEqual(at("2030-03-11T08:00:00Z"));
  });

  it("leaves alone a member already matched, trained, or in a program that does not require it", () => {
    const now = at("2030-03-12T12:00:00Z");
    expect(dueReminders(training(trainee({ matched: true })), now)).toEqual([]);
    expect(dueReminders(training(trainee({ trainingLeft: 0 })), now)).toEqual([]);
    const optional = training(trainee());
    optional.rules.training.requiredBeforeMatching = false;
    expect(dueReminders(optional, now)).toEqual([]);
  });

  it("Berlin, spring forward: the week turns at midnight there, sent at 08:00 summer time", () => {
    const s = training(trainee({ person: { id: "mem-1", timeZone: "Europe/Berlin" } }));
    // 21:30 UTC on Sunday 31 March is 23:30 in Berlin: week 13's reminder went out on its
    // Monday, and week 14 has not begun there.
    expect(keys(dueReminders(s, at("2030-03-25T09:00:00Z")))).toEqual([
      "training_pending:enr-1:mem-1:2030-W13",
    ]);
    expect(dueReminders(s, at("2030-03-31T21:30:00Z"))).toEqual([]);
    const monday = dueReminders(s, at("2030-03-31T23:30:00Z")).filter((r) =>
      r.period.endsWith("W14"),
    );
    expect(monday[0]!.sendAt).toEqual(at("2030-04-01T06:00:00Z"));
    expect(wallClock(monday[0]!.sendAt, "Europe/Berlin")).toBe("2030-04-01 08:00");
  });

  it("keeps the week's key when the member's time zone changes", () => {
    const now = at("2030-04-01T14:00:00Z");
    const inZone = (timeZone: string) =>
      keys(dueReminders(training(trainee({ person: { id: "mem-1", timeZone } })), now));
    expect(inZone("America/New_York")).toEqual(inZone("Europe/Berlin"));
    expect(inZone("Europe/Berlin")).toEqual(["training_pending:enr-1:mem-1:2030-W14"]);
  });

  it("is never escalated", () => {
    const due = dueReminders(training(trainee()), at("2030-04-30T12:00:00Z"));
    expect(due.map((r) => r.rule)).toEqual(["training_pending"]);
  });
});

describe("the coordinators' weekly digest", () => {
  it("lists the pairs needing attention, most at risk first, on Monday at 08:00 their time", () => {
    const s = digest([berlin]);
    // 08:00 in Berlin (winter time) is 07:00 UTC.
    expect(dueReminders(s, at("2030-03-04T06:59:00Z"))).toEqual([]);
    const [reminder, ...more] = dueReminders(s, at("2030-03-04T07:00:00Z"));
    expect(more).toEqual([]);
    expect(reminder!.key).toBe("coordinator_digest:prog-1:coord-1:2030-W10");
    expect(reminder!.recipientId).toBe("coord-1");
    expect(reminder!.text).toBe(
      [
        "2 pairs need your attention this week.",
        "- Cy and Di (at risk): No meeting for 31 days; the program asks for one every 14 days. An urgent concern is open.",
        "- Ann and Bo (needs attention): 2 commitments are past their day.",
      ].join("\n"),
    );
  });

  it("sends nothing in a week no pair needs attention", () => {
    expect(dueReminders(digest([berlin], []), at("2030-03-04T09:00:00Z"))).toEqual([]);
    expect(nextDueAt(digest([berlin], []), at("2030-03-04T09:00:00Z"))).toBeNull();
  });

  it("is a Monday thing: a sweep later in the week waits for next Monday", () => {
    const s = digest([berlin]);
    expect(dueReminders(s, at("2030-03-05T09:00:00Z"))).toEqual([]);
    expect(nextDueAt(s, at("2030-03-05T09:00:00Z"))).toEqual(at("2030-03-11T07:00:00Z"));
  });

  it("goes to each coordinator on their own clock", () => {
    const s = digest([
      { id: "coord-1", timeZone: "Europe/Berlin" },
      { id: "coord-2", timeZone: "America/New_York" },
    ]);
    const due = dueReminders(s, at("2030-03-04T13:00:00Z"));
    expect(due.map((r) => [r.key, r.sendAt.toISOString()])).toEqual([
      ["coordinator_digest:prog-1:coord-1:2030-W10", "2030-03-04T13:00:00.000Z"],
      ["coordinator_digest:prog-1:coord-2:2030-W10", "2030-03-04T13:00:00.000Z"],
    ]);
    expect(nextDueAt(s, at("2030-03-04T07:30:00Z"))).toEqual(at("2030-03-04T13:00:00Z"));
  });

  it("Berlin, both clock changes: 08:00 local the Monday after each", () => {
    const spring = dueReminders(digest([berlin]), at("2030-04-01T06:00:00Z"));
    expect(wallClock(spring[0]!.sendAt, "Europe/Berlin")).toBe("2030-04-01 08:00");
    expect(dueReminders(digest([berlin]), at("2030-04-01T05:59:00Z"))).toEqual([]);
    const autumn = dueReminders(digest([berlin]), at("2030-10-28T07:00:00Z"));
    expect(keys(autumn)).toEqual(["coordinator_digest:prog-1:coord-1:2030-W44"]);
    expect(dueReminders(digest([berlin]), at("2030-10-28T06:59:00Z"))).toEqual([]);
  });

  it("New York, both clock changes: 08:00 local the Monday after each", () => {
    expect(dueReminders(digest([newYork]), at("2030-03-11T11:59:00Z"))).toEqual([]);
    expect(keys(dueReminders(digest([newYork]), at("2030-03-11T12:00:00Z")))).toEqual([
      "coordinator_digest:prog-1:coord-1:2030-W11",
    ]);
    expect(dueReminders(digest([newYork]), at("2030-11-04T12:59:00Z"))).toEqual([]);
    expect(keys(dueReminders(digest([newYork]), at("2030-11-04T13:00:00Z")))).toEqual([
      "coordinator_digest:prog-1:coord-1:2030-W45",
    ]);
  });

  it("waits for quiet hours that span midnight to end when they end after 08:00", () => {
    const s = digest([berlin]);
    s.rules.reminders.quietHours = { start: "22:00", end: "09:30" };
    const due = dueReminders(s, at("2030-03-04T07:00:00Z"));
    expect(wallClock(due[0]!.sendAt, "Europe/Berlin")).toBe("2030-03-04 09:30");
  });

  it("keeps the week's key when a coordinator's time zone changes", () => {
    const inBerlin = dueReminders(digest([berlin]), at("2030-03-04T10:00:00Z"));
    const inNewYork = dueReminders(digest([newYork]), at("2030-03-04T13:00:00Z"));
    expect(keys(inNewYork)).toEqual(keys(inBerlin));
  });

  it("names the last week of December by the ISO year of its Thursday", () => {
    const due = dueReminders(
      digest([{ id: "coord-1", timeZone: "UTC" }]),
      at("2030-12-30T09:00:00Z"),
    );
    expect(keys(due)).toEqual(["coordinator_digest:prog-1:coord-1:2031-W01"]);
  });
});
