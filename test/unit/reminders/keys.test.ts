import { describe, expect, it } from "vitest";
import { dueReminders } from "../../../workers/shared/src/domain/reminders";
import { at, keys, mentee, only, state } from "./state";

describe("keys", () => {
  it("are the same when the same state is evaluated twice at the same moment", () => {
    const now = at("2030-04-30T09:00:00Z");
    const s = state({
      agreement: { settled: false, pendingSince: at("2030-03-01T10:00:00Z") },
      commitments: [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-04-10", done: false }],
    });
    const first = dueReminders(s, now);
    expect(first.length).toBeGreaterThan(4);
    expect(dueReminders(structuredClone(s), now)).toEqual(first);
  });

  it("are the same on a later tick in the same period, so the outbox sends nothing twice", () => {
    const early = only(dueReminders(state(), at("2030-03-31T12:00:00Z")), "check_in_due");
    const later = only(dueReminders(state(), at("2030-04-20T12:00:00Z")), "check_in_due");
    expect(keys(later)).toEqual(keys(early));
  });

  it("spell out rule, subject, recipient and period", () => {
    for (const r of dueReminders(state(), at("2030-03-31T12:00:00Z"))) {
      expect(r.key).toBe(`${r.rule}:${r.subjectId}:${r.recipientId}:${r.period}`);
    }
  });

  it("are unique within one evaluation", () => {
    const s = state({
      nextMeetingAt: null,
      agreement: { settled: false, pendingSince: at("2030-03-01T10:00:00Z") },
      goals: [{ id: "goal-1", nextReviewOn: "2030-04-01" }],
      contactDueOn: "2030-04-01",
    });
    const all = keys(dueReminders(s, at("2030-05-01T09:00:00Z")));
    expect(new Set(all).size).toBe(all.length);
  });
});
