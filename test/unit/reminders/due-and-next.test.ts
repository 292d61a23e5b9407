import { describe, expect, it } from "vitest";
import { dueAndNext, dueReminders, nextDueAt } from "../../../workers/shared/src/domain/reminders";
import { at, mentee, state } from "./state";

describe("dueAndNext", () => {
  it("answers what dueReminders and nextDueAt answer, from one pass", () => {
    const s = state({
      nextMeetingAt: at("2030-04-02T15:00:00Z"),
      agreement: { settled: false, pendingSince: at("2030-03-01T10:00:00Z") },
      goals: [{ id: "goal-1", nextReviewOn: "2030-04-05" }],
      commitments: [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-04-10", done: false }],
      contactDueOn: "2030-04-20",
    });
    for (const now of ["2030-03-31T12:00:00Z", "2030-04-02T23:30:00Z", "2030-05-01T09:00:00Z"]) {
      const both = dueAndNext(s, at(now));
      expect(both.due).toEqual(dueReminders(s, at(now)));
      expect(both.nextDueAt).toEqual(nextDueAt(s, at(now)));
    }
  });
});
