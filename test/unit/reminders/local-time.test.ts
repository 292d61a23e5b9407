import { describe, expect, it } from "vitest";
import {
  dueReminders,
  nextDueAt,
  outOfQuietHours,
  type ReminderState,
} from "../../../workers/shared/src/domain/reminders";
import { at, keys, only, state, wallClock } from "./state";

const night = { start: "21:00", end: "08:00" };

describe("quiet hours", () => {
  it("move an evening moment to the next morning and a small-hours one to the same morning", () => {
    expect(outOfQuietHours(at("2030-03-05T23:30:00Z"), "UTC", night)).toEqual(
      at("2030-03-06T08:00:00Z"),
    );
    expect(outOfQuietHours(at("2030-03-05T21:00:00Z"), "UTC", night)).toEqual(
      at("2030-03-06T08:00:00Z"),
    );
    expect(outOfQuietHours(at("2030-03-06T03:00:00Z"), "UTC", night)).toEqual(
      at("2030-03-06T08:00:00Z"),
    );
    expect(outOfQuietHours(at("2030-01-31T22:00:00Z"), "UTC", night)).toEqual(
      at("2030-02-01T08:00:00Z"),
    );
  });

  it("leave a moment outside them where it is", () => {
    expect(outOfQuietHours(at("2030-03-05T20:59:00Z"), "UTC", night)).toEqual(
      at("2030-03-05T20:59:00Z"),
    );
    expect(outOfQuietHours(at("2030-03-06T08:00:00Z"), "UTC", night)).toEqual(
      at("2030-03-06T08:00:00Z"),
    );
  });

  it("work within one day too", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(outOfQuietHours(at("2030-03-05T12:45:00Z"), "UTC", lunch)).toEqual(
      at("2030-03-05T13:30:00Z"),
    );
    expect(outOfQuietHours(at("2030-03-05T23:00:00Z"), "UTC", lunch)).toEqual(
      at("2030-03-05T23:00:00Z"),
    );
  });

  it("are read on the recipient's own clock", () => {
    // 23:30 UTC is 08:30 the next morning in Tokyo: not quiet there.
    expect(outOfQuietHours(at("2030-03-05T23:30:00Z"), "Asia/Tokyo", night)).toEqual(
      at("2030-03-05T23:30:00Z"),
    );
    expect(outOfQuietHours(at("2030-03-05T13:00:00Z"), "Asia/Tokyo", night)).toEqual(
      at("2030-03-05T23:00:00Z"),
    );
  });

  it("keep a late-evening reminder for the morning however often it is evaluated overnight", () => {
    const s = state({ nextMeetingAt: at("2030-03-10T23:30:00Z") });
    const evening = only(dueReminders(s, at("2030-03-09T23:30:00Z")), "meeting_soon");
    const smallHours = only(dueReminders(s, at("2030-03-10T02:00:00Z")), "meeting_soon");
    expect(keys(smallHours)).toEqual(keys(evening));
    expect(evening.map((r) => r.sendAt)).toEqual([
      at("2030-03-10T08:00:00Z"),
      at("2030-03-10T08:00:00Z"),
    ]);
    expect(smallHours.map((r) => r.sendAt)).toEqual(evening.map((r) => r.sendAt));
  });

  it("send a reminder the evening before when the morning would be too late", () => {
    const s = state({ nextMeetingAt: at("2030-03-10T07:30:00Z") });
    s.rules.reminders.leadTimeHours = 1;
    expect(nextDueAt(s, at("2030-03-09T12:00:00Z"))).toEqual(at("2030-03-09T20:59:00Z"));
    const due = only(dueReminders(s, at("2030-03-09T20:59:00Z")), "meeting_soon");
    expect(due.map((r) => r.sendAt)).toEqual([
      at("2030-03-09T20:59:00Z"),
      at("2030-03-09T20:59:00Z"),
    ]);
    // Evaluated only in the night, it is not sent at all: quiet hours are never broken.
    expect(only(dueReminders(s, at("2030-03-10T02:00:00Z")), "meeting_soon")).toEqual([]);
  });
});

const berlin = { id: "mentor-1", timeZone: "Europe/Berlin" };
const newYork = { id: "mentor-1", timeZone: "America/New_York" };

function withMentor(mentor: typeof berlin, change: Partial<ReminderState["rules"]["reminders"]>) {
  const s = state({ mentor, nextMeetingAt: null, lastHeldMeetingAt: at("2030-12-31T00:00:00Z") });
  Object.assign(s.rules.reminders, change);
  return s;
}
const mentorsOwn = (s: ReminderState, now: Date, rule: string) =>
  only(dueReminders(s, now), rule).filter((r) => r.recipientId === "mentor-1");

describe("daylight saving changes", () => {
  it("Berlin, spring forward: a morning that does not exist on the clock lands just after", () => {
    // 31 March 2030: 02:00 becomes 03:00. Quiet hours end at 02:30, which that night never shows.
    const s = withMentor(berlin, {
      quietHours: { start: "22:00", end: "02:30" },
      leadTimeHours: 10,
    });
    s.match!.nextMeetingAt = at("2030-03-31T10:00:00Z");
    const first = mentorsOwn(s, at("2030-03-31T00:00:00Z"), "meeting_soon");
    const again = mentorsOwn(s, at("2030-03-31T00:45:00Z"), "meeting_soon");
    expect(first).toHaveLength(1);
    expect(wallClock(first[0]!.sendAt, "Europe/Berlin")).toBe("2030-03-31 03:30");
    expect(again).toEqual(first);
  });

  it("Berlin, spring forward: a day's reminder still comes at 08:00 local", () => {
    const s = withMentor(berlin, {});
    s.match!.goals = [{ id: "goal-1", nextReviewOn: "2030-03-31" }];
    const due = mentorsOwn(s, at("2030-03-30T23:00:00Z"), "goal_review_due");
    expect(due).toHaveLength(1);
    expect(due[0]!.sendAt).toEqual(at("2030-03-31T06:00:00Z"));
    expect(wallClock(due[0]!.sendAt, "Europe/Berlin")).toBe("2030-03-31 08:00");
  });

  it("Berlin, fall back: a reminder due in the repeated hour is sent once, at 08:00", () => {
    // 27 October 2030: 03:00 becomes 02:00 again. 02:30 happens at 00:30 and at 01:30 UTC.
    const s = withMentor(berlin, {});
    s.match!.nextMeetingAt = at("2030-10-28T00:30:00Z");
    const firstPass = mentorsOwn(s, at("2030-10-27T00:30:00Z"), "meeting_soon");
    const secondPass = mentorsOwn(s, at("2030-10-27T01:30:00Z"), "meeting_soon");
    expect(keys(secondPass)).toEqual(keys(firstPass));
    expect(firstPass[0]!.sendAt).toEqual(secondPass[0]!.sendAt);
    expect(wallClock(firstPass[0]!.sendAt, "Europe/Berlin")).toBe("2030-10-27 08:00");
  });

  it("New York, fall back: quiet hours ending in the repeated hour end on its second pass", () => {
    // 3 November 2030: 02:00 EDT becomes 01:00 EST. 01:30 happens at 05:30 and at 06:30 UTC.
    const quietHours = { start: "22:00", end: "01:30" };
    const s = withMentor(newYork, { quietHours, leadTimeHours: 5 });
    s.match!.nextMeetingAt = at("2030-11-03T11:15:00Z"); // due 06:15 UTC, 01:15 EST
    const due = mentorsOwn(s, at("2030-11-03T06:15:00Z"), "meeting_soon");
    const again = mentorsOwn(s, at("2030-11-03T06:20:00Z"), "meeting_soon");
    expect(due).toHaveLength(1);
    expect(due[0]!.sendAt).toEqual(at("2030-11-03T06:30:00Z"));
    expect(again).toEqual(due);
    // Due in the first pass (01:15 EDT), it goes at the first 01:30.
    expect(outOfQuietHours(at("2030-11-03T05:15:00Z"), "America/New_York", quietHours)).toEqual(
      at("2030-11-03T05:30:00Z"),
    );
  });

  it("New York, spring forward: quiet hours ending in the skipped hour end just after", () => {
    // 10 March 2030: 02:00 EST becomes 03:00 EDT.
    const quietHours = { start: "22:00", end: "02:30" };
    const sent = outOfQuietHours(at("2030-03-10T06:00:00Z"), "America/New_York", quietHours);
    expect(wallClock(sent, "America/New_York")).toBe("2030-03-10 03:30");
  });

  it("New York, fall back: a day's reminder comes at 08:00 standard time", () => {
    const s = withMentor(newYork, {});
    s.match!.goals = [{ id: "goal-1", nextReviewOn: "2030-11-03" }];
    // That day has 25 hours, so 24 hours before it ends is 01:00 (EDT), in quiet hours.
    expect(mentorsOwn(s, at("2030-11-03T04:59:00Z"), "goal_review_due")).toEqual([]);
    const due = mentorsOwn(s, at("2030-11-03T05:00:00Z"), "goal_review_due");
    expect(due).toHaveLength(1);
    expect(due[0]!.sendAt).toEqual(at("2030-11-03T13:00:00Z"));
  });
});

describe("a person whose time zone changes", () => {
  it("keeps the key, so the reminder is not sent again, and is timed on the new clock", () => {
    const s = withMentor(berlin, {});
    s.match!.goals = [{ id: "goal-1", nextReviewOn: "2030-04-01" }];
    const inBerlin = mentorsOwn(s, at("2030-04-01T06:00:00Z"), "goal_review_due");
    expect(wallClock(inBerlin[0]!.sendAt, "Europe/Berlin")).toBe("2030-04-01 08:00");

    s.match!.mentor = newYork;
    const inNewYork = mentorsOwn(s, at("2030-04-01T06:00:00Z"), "goal_review_due");
    expect(keys(inNewYork)).toEqual(keys(inBerlin));
    expect(wallClock(inNewYork[0]!.sendAt, "America/New_York")).toBe("2030-04-01 08:00");
  });

  it("moves what is still to come onto the new clock", () => {
    const s = withMentor(berlin, {});
    s.match!.commitments = [{ id: "c-1", ownerId: "mentor-1", dueOn: "2030-04-02", done: false }];
    const now = at("2030-03-31T12:00:00Z");
    // Reminded as 2 April begins: 22:00 UTC on the 1st in Berlin, 04:00 UTC in New York.
    expect(nextDueAt(s, now)).toEqual(at("2030-04-01T22:00:00Z"));
    s.match!.mentor = newYork;
    expect(nextDueAt(s, now)).toEqual(at("2030-04-02T04:00:00Z"));
  });

  it("reads a zone the runtime does not know as UTC rather than failing", () => {
    const s = withMentor({ id: "mentor-1", timeZone: "Mars/Olympus" }, {});
    s.match!.goals = [{ id: "goal-1", nextReviewOn: "2030-04-01" }];
    const due = mentorsOwn(s, at("2030-04-01T00:00:00Z"), "goal_review_due");
    expect(due[0]!.sendAt).toEqual(at("2030-04-01T08:00:00Z"));
  });
});
