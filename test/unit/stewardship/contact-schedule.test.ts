import { describe, expect, it } from "vitest";
import {
  contactStanding,
  firstMonthDueDays,
  nextContactDue,
} from "../../../workers/shared/src/domain/stewardship";

const began = "2030-03-01";
const twice = { firstMonthTouches: 2, everyDays: 30 };

describe("the first-month touches", () => {
  it("spread evenly over the first 30 days, the last on day 30", () => {
    expect(firstMonthDueDays(began, 2)).toEqual(["2030-03-16", "2030-03-31"]);
    expect(firstMonthDueDays(began, 3)).toEqual(["2030-03-11", "2030-03-21", "2030-03-31"]);
    expect(firstMonthDueDays(began, 1)).toEqual(["2030-03-31"]);
    expect(firstMonthDueDays(began, 0)).toEqual([]);
  });
});

describe("the next contact due", () => {
  it("is the first touch while nobody has been in touch", () => {
    expect(nextContactDue(began, twice, [])).toBe("2030-03-16");
  });

  it("moves to the next touch as each first-month contact is logged", () => {
    expect(nextContactDue(began, twice, ["2030-03-10"])).toBe("2030-03-31");
  });

  it("counts a first-month contact logged late against the next touch, not the missed one", () => {
    expect(nextContactDue(began, twice, ["2030-03-25"])).toBe("2030-03-31");
  });

  it("follows the interval from the latest contact once the touches are done", () => {
    expect(nextContactDue(began, twice, ["2030-03-10", "2030-03-28"])).toBe("2030-04-27");
  });

  it("follows the interval after a contact past the first month, even with touches missed", () => {
    expect(nextContactDue(began, twice, ["2030-04-20"])).toBe("2030-05-20");
  });

  it("without first-month touches, is due an interval after the match began", () => {
    expect(nextContactDue(began, { firstMonthTouches: 0, everyDays: 45 }, [])).toBe("2030-04-15");
  });

  it("ignores the order contacts are given in and contacts before the match began", () => {
    expect(nextContactDue(began, twice, ["2030-03-28", "2030-02-20", "2030-03-10"])).toBe(
      "2030-04-27",
    );
  });
});

describe("a pair's contact standing", () => {
  it("counts the days past due, and none before", () => {
    expect(contactStanding(began, twice, [], "2030-03-20")).toEqual({
      dueOn: "2030-03-16",
      daysOverdue: 4,
      lastContactOn: null,
    });
    expect(contactStanding(began, twice, [], "2030-03-16").daysOverdue).toBe(0);
  });

  it("names the latest contact", () => {
    const standing = contactStanding(began, twice, ["2030-03-28", "2030-03-10"], "2030-05-01");
    expect(standing).toEqual({ dueOn: "2030-04-27", daysOverdue: 4, lastContactOn: "2030-03-28" });
  });
});
