import { describe, expect, it } from "vitest";
import {
  describeSlots,
  parseAvailability,
  seniorityStep,
  sharedWakingMinutes,
  utcOffsetMinutes,
} from "../../../workers/shared/src/domain/matching";

const said = (text: string | null) => {
  const slots = parseAvailability(text);
  return slots === null ? null : describeSlots(slots);
};

describe("availability as people type it", () => {
  it.each([
    ["Tue and Thu evenings, weekend mornings", "weekend mornings; Tue and Thu evenings"],
    ["weekday evenings", "weekday evenings"],
    ["Evenings on weekdays", "weekday evenings"],
    ["weekdays after 6pm", "weekday evenings"],
    ["Mon-Wed 9am-12pm", "Mon–Wed mornings"],
    ["Monday to Friday, before 9am", "weekday mornings"],
    ["Mornings", "every morning"],
    ["any time", "any time"],
    ["Anytime except Fridays", "Mon–Thu, Sat and Sun, all day"],
    ["Not Mondays", "Tue–Sun, all day"],
    ["Weekday evenings and weekends", "weekend mornings and afternoons; every evening"],
    ["Mon, Wed, Fri evenings", "Mon, Wed and Fri evenings"],
    ["Tue pm, Thu am", "Thu mornings; Tue afternoons"],
    ["2-4pm on Saturdays", "Sat afternoons"],
    ["lunchtime on weekdays", "weekday afternoons"],
    ["Friday-Monday evenings", "Mon and Fri–Sun evenings"],
    ["Saturdays", "Sat, all day"],
    ["After work", "every evening"],
  ])("%s → %s", (text, words) => {
    expect(said(text)).toBe(words);
  });

  it.each([null, "", "when possible", "ask me", "no preference"])(
    "%s is not read as any time at all",
    (text) => {
      expect(parseAvailability(text)).toBeNull();
    },
  );
});

describe("seniority as people type it", () => {
  it.each([
    ["Intern", 0],
    ["Junior developer", 1],
    ["Year 2", 1],
    ["Year 3", 2],
    ["3rd year", 2],
    ["Final-year student", 3],
    ["Mid-level", 2],
    ["Senior engineer", 3],
    ["5 years", 3],
    ["1 year of experience", 1],
    ["10+ years", 4],
    ["Staff engineer", 4],
    ["PhD student", 4],
    ["Engineering manager", 5],
    ["Senior manager", 6],
    ["Assistant professor", 6],
    ["Associate professor", 7],
    ["Head of Design", 7],
    ["CTO", 8],
  ])("%s is step %i", (text, step) => {
    expect(seniorityStep(text)).toBe(step);
  });

  it("names nothing it cannot read", () => {
    expect(seniorityStep("Wizard")).toBeNull();
    expect(seniorityStep(null)).toBeNull();
  });
});

describe("time zones at a moment", () => {
  const at = (iso: string) => new Date(iso);

  it("follows daylight saving time on each side", () => {
    expect(utcOffsetMinutes("Europe/Berlin", at("2025-01-15T12:00:00Z"))).toBe(60);
    expect(utcOffsetMinutes("Europe/Berlin", at("2025-07-15T12:00:00Z"))).toBe(120);
    expect(utcOffsetMinutes("America/New_York", at("2025-01-15T12:00:00Z"))).toBe(-300);
    expect(utcOffsetMinutes("America/New_York", at("2025-03-15T12:00:00Z"))).toBe(-240);
    expect(utcOffsetMinutes("Asia/Kolkata", at("2025-03-15T12:00:00Z"))).toBe(330);
  });

  it("knows an unknown zone is unknown", () => {
    expect(utcOffsetMinutes("Mars/Olympus_Mons", at("2025-01-15T12:00:00Z"))).toBeNull();
  });

  it("Berlin and New York share 8 waking hours in winter, 9 when only America has moved", () => {
    const shared = (iso: string) =>
      sharedWakingMinutes(
        utcOffsetMinutes("Europe/Berlin", at(iso))!,
        utcOffsetMinutes("America/New_York", at(iso))!,
      ) / 60;
    expect(shared("2025-01-15T12:00:00Z")).toBe(8);
    expect(shared("2025-03-15T12:00:00Z")).toBe(9);
    expect(shared("2025-07-15T12:00:00Z")).toBe(8);
    expect(shared("2025-10-30T12:00:00Z")).toBe(9);
  });

  it("counts waking hours around midnight UTC and half-hour zones", () => {
    expect(sharedWakingMinutes(0, 0)).toBe(840);
    // New York and Tokyo, 14 hours apart: New York's evening is Tokyo's morning. Two 14-hour
    // days on a 24-hour clock always share at least 4 hours, so no pair ever shares none.
    expect(sharedWakingMinutes(-300, 540)).toBe(4 * 60);
    expect(sharedWakingMinutes(330, 0)).toBe(840 - 330);
    // Auckland (+13) and Honolulu (-10): 23 hours apart, so one hour apart on the clock face.
    expect(sharedWakingMinutes(780, -600)).toBe(13 * 60);
  });
});
