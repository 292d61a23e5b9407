import { describe, expect, it } from "vitest";
import {
  addDays,
  checkInPeriods,
  dayIn,
  daysBetween,
  isCalendarDay,
  periodStatus,
} from "../../../workers/shared/src/domain/check-in-periods";

const monthly = { firstDay: 30, everyDays: 30 };
const at = (iso: string) => new Date(iso);

describe("calendar days", () => {
  it("reads the day in the person's own time zone, not in UTC", () => {
    const instant = at("2030-03-01T03:00:00Z");
    expect(dayIn(instant, "UTC")).toBe("2030-03-01");
    expect(dayIn(instant, "America/Los_Angeles")).toBe("2030-02-28");
    expect(dayIn(at("2030-03-01T23:30:00Z"), "Asia/Tokyo")).toBe("2030-03-02");
  });

  it("reads an unknown zone as UTC instead of failing", () => {
    expect(dayIn(at("2030-03-01T23:30:00Z"), "Mars/Olympus")).toBe("2030-03-01");
  });

  it("adds days across month ends, leap days and years", () => {
    expect(addDays("2030-01-31", 1)).toBe("2030-02-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2030-12-31", 1)).toBe("2031-01-01");
    expect(addDays("2030-03-01", -1)).toBe("2030-02-28");
    expect(daysBetween("2030-01-31", "2030-03-02")).toBe(30);
    expect(daysBetween("2030-03-02", "2030-01-31")).toBe(-30);
  });

  it("knows a real date from a malformed or impossible one", () => {
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2030-02-29")).toBe(false);
    expect(isCalendarDay("2030-13-01")).toBe(false);
    expect(isCalendarDay("2030-1-01")).toBe(false);
    expect(isCalendarDay("tomorrow")).toBe(false);
  });
});

describe("check-in periods", () => {
  it("has none before the first check-in day", () => {
    const began = at("2030-01-01T12:00:00Z");
    expect(checkInPeriods(began, "UTC", monthly, at("2030-01-30T23:59:59Z"))).toEqual([]);
  });

  it("opens the first check-in firstDay days after the match began, for everyDays days", () => {
    const began = at("2030-01-01T12:00:00Z");
    expect(checkInPeriods(began, "UTC", monthly, at("2030-01-31T00:00:00Z"))).toEqual([
      { period: 1, opensOn: "2030-01-31", closesOn: "2030-03-01" },
    ]);
  });

  it("closes each check-in the day before the next opens, leaving no gap", () => {
    const began = at("2030-01-01T12:00:00Z");
    const cadence = { firstDay: 14, everyDays: 7 };
    const periods = checkInPeriods(began, "UTC", cadence, at("2030-02-05T12:00:00Z"));
    expect(periods).toEqual([
      { period: 1, opensOn: "2030-01-15", closesOn: "2030-01-21" },
      { period: 2, opensOn: "2030-01-22", closesOn: "2030-01-28" },
      { period: 3, opensOn: "2030-01-29", closesOn: "2030-02-04" },
      { period: 4, opensOn: "2030-02-05", closesOn: "2030-02-11" },
    ]);
    for (const [a, b] of periods.slice(1).map((p, i) => [periods[i]!, p] as const)) {
      expect(addDays(a.closesOn, 1)).toBe(b.opensOn);
    }
  });

  it("counts days, not months, for a match that began on the 31st", () => {
    const began = at("2030-01-31T09:00:00Z");
    expect(checkInPeriods(began, "UTC", monthly, at("2030-05-01T09:00:00Z"))).toEqual([
      { period: 1, opensOn: "2030-03-02", closesOn: "2030-03-31" },
      { period: 2, opensOn: "2030-04-01", closesOn: "2030-04-30" },
      { period: 3, opensOn: "2030-05-01", closesOn: "2030-05-30" },
    ]);
  });

  it("starts from the day the match began where the mentee lives", () => {
    // 02:00 UTC on 1 March is still 28 February in New York.
    const began = at("2030-03-01T02:00:00Z");
    const cadence = { firstDay: 1, everyDays: 7 };
    const until = at("2030-03-01T12:00:00Z");
    expect(checkInPeriods(began, "America/New_York", cadence, until)).toEqual([
      { period: 1, opensOn: "2030-03-01", closesOn: "2030-03-07" },
    ]);
    expect(checkInPeriods(began, "UTC", cadence, until)).toEqual([]);
  });

  it("keeps whole calendar days across a daylight saving change", () => {
    // New York moves its clocks forward on 10 March 2030 (UTC−5 → UTC−4).
    const began = at("2030-03-01T04:30:00Z"); // 23:30 on 28 February in New York
    const cadence = { firstDay: 14, everyDays: 14 };
    const zone = "America/New_York";
    const lastMinuteOfDay = at("2030-03-28T03:59:00Z"); // 23:59 on 27 March, EDT
    const firstMinuteOfDay = at("2030-03-28T04:00:00Z"); // 00:00 on 28 March, EDT
    expect(checkInPeriods(began, zone, cadence, lastMinuteOfDay)).toEqual([
      { period: 1, opensOn: "2030-03-14", closesOn: "2030-03-27" },
    ]);
    expect(checkInPeriods(began, zone, cadence, firstMinuteOfDay)).toEqual([
      { period: 1, opensOn: "2030-03-14", closesOn: "2030-03-27" },
      { period: 2, opensOn: "2030-03-28", closesOn: "2030-04-10" },
    ]);
  });

  it("keeps whole calendar days when clocks go back too", () => {
    // Berlin moves its clocks back on 27 October 2030 (UTC+2 → UTC+1).
    const began = at("2030-10-20T22:30:00Z"); // 00:30 on 21 October in Berlin
    const cadence = { firstDay: 7, everyDays: 7 };
    const periods = checkInPeriods(began, "Europe/Berlin", cadence, at("2030-11-03T23:00:00Z"));
    expect(periods.map((p) => p.opensOn)).toEqual(["2030-10-28", "2030-11-04"]);
  });

  it("answers the same for the same clock, however often it is asked", () => {
    const began = at("2030-01-01T12:00:00Z");
    const until = at("2030-06-01T00:00:00Z");
    expect(checkInPeriods(began, "UTC", monthly, until)).toEqual(
      checkInPeriods(began, "UTC", monthly, until),
    );
  });
});

describe("where a day stands in a check-in", () => {
  const period = { opensOn: "2030-03-02", closesOn: "2030-03-31" };
  it("is upcoming before it opens, open through its last day, closed after", () => {
    expect(periodStatus(period, "2030-03-01")).toBe("upcoming");
    expect(periodStatus(period, "2030-03-02")).toBe("open");
    expect(periodStatus(period, "2030-03-31")).toBe("open");
    expect(periodStatus(period, "2030-04-01")).toBe("closed");
  });
});
