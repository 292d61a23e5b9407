import { describe, expect, it } from "vitest";
import { dueReminders, upcomingReminders } from "../../../workers/shared/src/domain/reminders";
import { at, keys, mentee, state } from "./state";

// The default rules (see ./state): a meeting on 10 March at 15:00 UTC, reminded 24 hours
// ahead; quiet 21:00–08:00; the first check-in opens on 31 March.
const week = (from: string) => {
  const now = at(from);
  return { now, until: new Date(now.getTime() + 7 * 86_400_000) };
};
const sent = (reminders: ReturnType<typeof upcomingReminders>) =>
  reminders.map((r) => [r.key, r.sendAt.toISOString()]);
const far = at("2030-12-01T12:00:00Z");

describe("upcoming reminders", () => {
  it("lists what becomes due within the window, with when each will be sent", () => {
    const { now, until } = week("2030-03-08T12:00:00Z");
    const upcoming = upcomingReminders(state(), now, until);
    expect(sent(upcoming)).toEqual([
      ["meeting_soon:match-1:mentee-1:2030-03-10T15:00:00.000Z", "2030-03-09T15:00:00.000Z"],
      ["meeting_soon:match-1:mentor-1:2030-03-10T15:00:00.000Z", "2030-03-09T15:00:00.000Z"],
    ]);
    expect(upcoming[0]).toMatchObject({
      rule: "meeting_soon",
      recipientId: "mentee-1",
      subjectId: "match-1",
      text: "Your next mentoring meeting starts in 24 hours.",
    });
  });

  it("counts the scheduled meeting as held once it starts: no 'plan a meeting' foreseen for it", () => {
    // Held on 10 March, the next is due 14 days later; a week from the 9th foresees none,
    // though the commitment due on the 12th has the forecast look past the meeting.
    const s = state({
      commitments: [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-03-12", done: false }],
    });
    const { now, until } = week("2030-03-09T16:00:00Z");
    const rules = upcomingReminders(s, now, until).map((r) => r.rule);
    expect(rules).toContain("commitment_due");
    expect(rules).not.toContain("no_meeting_within_cadence");
  });

  it("sends nothing inside the recipient's quiet hours: 07:00 in Los Angeles waits for 08:00", () => {
    const s = state({ mentee: { id: "mentee-1", timeZone: "America/Los_Angeles" } });
    const { now, until } = week("2030-03-08T12:00:00Z");
    expect(sent(upcomingReminders(s, now, until))).toEqual([
      ["meeting_soon:match-1:mentor-1:2030-03-10T15:00:00.000Z", "2030-03-09T15:00:00.000Z"],
      ["meeting_soon:match-1:mentee-1:2030-03-10T15:00:00.000Z", "2030-03-09T16:00:00.000Z"],
    ]);
  });

  it("leaves out what is already due, and what comes after the window", () => {
    const s = state({
      nextMeetingAt: far,
      commitments: [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-03-20", done: false }],
    });
    // The commitment is overdue (and so due) on the 25th; its escalation comes on the 28th
    // at 08:00, as quiet hours end; the first check-in opens on the 31st.
    const { now } = week("2030-03-25T09:00:00Z");
    expect(sent(upcomingReminders(s, now, at("2030-03-30T23:59:00Z")))).toEqual([
      ["escalation:c-1:coordinators:commitment_due/2030-03-20", "2030-03-28T08:00:00.000Z"],
    ]);
    expect(keys(dueReminders(s, now))).toContain("commitment_due:c-1:mentee-1:2030-03-20");
  });

  it("names each reminder as the sweep will: the same keys, send times and words", () => {
    const s = state({
      nextMeetingAt: far,
      commitments: [{ id: "c-1", ownerId: mentee.id, dueOn: "2030-03-20", done: false }],
    });
    const upcoming = upcomingReminders(s, at("2030-03-25T09:00:00Z"), at("2030-04-01T09:00:00Z"));
    expect(upcoming.length).toBeGreaterThan(1);
    for (const reminder of upcoming) {
      expect(dueReminders(s, reminder.sendAt)).toContainEqual(reminder);
    }
  });

  it("follows the engine past what it sees today: a third check-in opens within the week", () => {
    const s = state({ nextMeetingAt: far });
    s.rules.checkIns.firstDay = 1;
    s.rules.checkIns.everyDays = 3;
    const { now, until } = week("2030-03-01T12:00:00Z");
    const due = upcomingReminders(s, now, until).filter((r) => r.rule === "check_in_due");
    expect(keys(due)).toEqual([
      "check_in_due:match-1:mentee-1:1",
      "check_in_due:match-1:mentor-1:1",
      "check_in_due:match-1:mentee-1:2",
      "check_in_due:match-1:mentor-1:2",
      "check_in_due:match-1:mentee-1:3",
      "check_in_due:match-1:mentor-1:3",
    ]);
  });

  it("is empty when nothing will come due, and lists each occurrence once", () => {
    const quiet = state({ nextMeetingAt: far });
    expect(
      upcomingReminders(quiet, at("2030-03-02T09:00:00Z"), at("2030-03-09T09:00:00Z")),
    ).toEqual([]);
    const month = upcomingReminders(
      state(),
      at("2030-03-02T09:00:00Z"),
      at("2030-04-30T09:00:00Z"),
    );
    expect(new Set(keys(month)).size).toBe(month.length);
  });
});
