import { describe, expect, it } from "vitest";
import { dueReminders } from "../../../workers/shared/src/domain/reminders";
import { at, keys, mentee, only, state, wallClock } from "./state";

// A meeting is always scheduled, so only what a test sets up is overdue.
const far = at("2030-12-01T12:00:00Z");
const late = (escalateAfterDaysOverdue = 7) => {
  const s = state({
    nextMeetingAt: far,
    commitments: [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-03-20", done: false }],
  });
  s.rules.reminders.escalateAfterDaysOverdue = escalateAfterDaysOverdue;
  return s;
};

describe("escalation to coordinators", () => {
  it("comes once something has been overdue for the program's number of days, not before", () => {
    // Due on the 20th, overdue from the 21st, seven days overdue on the 28th.
    expect(only(dueReminders(late(), at("2030-03-27T23:59:00Z")), "escalation")).toEqual([]);
    const due = only(dueReminders(late(), at("2030-03-28T00:00:00Z")), "escalation");
    expect(keys(due)).toEqual(["escalation:c-1:coordinators:commitment_due/2030-03-20"]);
    expect(due[0]!.sendAt).toEqual(at("2030-03-28T08:00:00Z"));
    expect(due[0]!.text).toBe(
      "A commitment due on 2030-03-20 is not done. Overdue for 7 days or more.",
    );
  });

  it("follows the program's threshold", () => {
    expect(only(dueReminders(late(1), at("2030-03-21T23:59:00Z")), "escalation")).toEqual([]);
    expect(keys(only(dueReminders(late(1), at("2030-03-22T00:00:00Z")), "escalation"))).toEqual([
      "escalation:c-1:coordinators:commitment_due/2030-03-20",
    ]);
  });

  it("stops once the commitment is done", () => {
    const done = late();
    done.match!.commitments = [{ ...done.match!.commitments[0]!, done: true }];
    const due = dueReminders(done, at("2030-04-01T09:00:00Z"));
    expect(due.filter((r) => r.subjectId === "c-1")).toEqual([]);
  });

  it("is one reminder for the coordinators however many people were reminded", () => {
    const s = state({
      nextMeetingAt: far,
      agreement: { settled: false, pendingSince: at("2030-03-01T10:00:00Z") },
    });
    const due = only(dueReminders(s, at("2030-03-23T09:00:00Z")), "escalation");
    expect(keys(due)).toEqual([
      "escalation:match-1:coordinators:agreement_pending/2030-03-01T10:00:00.000Z",
    ]);
  });

  it("ends with a check-in's window, and never comes from what cannot be overdue", () => {
    const s = state({ nextMeetingAt: far });
    const during = dueReminders(s, at("2030-05-28T09:00:00Z"));
    expect(keys(only(during, "escalation"))).toEqual([
      "escalation:match-1:coordinators:check_in_overdue/1",
    ]);
    expect(only(dueReminders(s, at("2030-05-30T09:00:00Z")), "escalation")).toEqual([]);
  });

  it("counts the days on the coordinators' clock, across a change of the clocks", () => {
    const s = late();
    s.coordinatorTimeZone = "Europe/Berlin";
    s.match!.commitments = [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-03-27", done: false }];
    // Overdue from 00:00 UTC on the 28th (01:00 in Berlin, winter time); seven days later is
    // 01:00 in Berlin again, now summer time: 23:00 UTC on 3 April, sent at 08:00 there.
    expect(only(dueReminders(s, at("2030-04-03T22:59:00Z")), "escalation")).toEqual([]);
    const due = only(dueReminders(s, at("2030-04-03T23:00:00Z")), "escalation");
    expect(due).toHaveLength(1);
    expect(wallClock(due[0]!.sendAt, "Europe/Berlin")).toBe("2030-04-04 08:00");
  });
});
