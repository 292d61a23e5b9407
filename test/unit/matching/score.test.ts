import { describe, expect, it } from "vitest";
import {
  type CriterionField,
  type MatchProfile,
  type PairScore,
  scorePair,
} from "../../../workers/shared/src/domain/matching";
import { january, profile, rules } from "./support";

const alice = profile("alice", {
  interests: ["Design", "Machine learning"],
  skills: ["Python", "Public speaking", "SQL"],
  department: "Engineering",
  seniority: "Senior engineer",
  languages: ["English", "Spanish"],
  timeZone: "Europe/Berlin",
  availability: "Tue and Thu evenings, weekend mornings",
});
const bob = profile("bob", {
  interests: ["machine-learning", "design", "writing", "cooking"],
  skills: ["sql"],
  department: "Sales",
  seniority: "Junior developer",
  languages: ["spanish"],
  timeZone: "America/New_York",
  availability: "weekday evenings",
  goals: "I want to get better at public speaking.",
});

/** The one reason a single-criterion program gives for alice mentoring `mentee`. */
function reasonFor(field: CriterionField, mentee: MatchProfile, mentor = alice, now = january) {
  const result = scorePair(mentor, mentee, rules({ [field]: 5 }), now);
  expect(result.excluded).toBe(false);
  return result.reasons[0]!;
}

function texts(result: PairScore) {
  return result.reasons.map((r) => r.text);
}

describe("each criterion in a coordinator's words", () => {
  it.each<[CriterionField, Partial<MatchProfile>, string, number]>([
    [
      "interests",
      {},
      "2 of Bob's 4 interests are among Alice's interests or skills: machine-learning and design",
      0,
    ],
    [
      "interests",
      { interests: ["sql"] },
      "1 of Bob's 1 interest is among Alice's interests or skills: sql",
      50,
    ],
    [
      "interests",
      { interests: ["knitting"] },
      "None of Bob's 1 interest is among Alice's interests or skills",
      -50,
    ],
    ["interests", { interests: [] }, "Bob listed no interests: neutral", 0],
    [
      "skills",
      {},
      "2 of Alice's 3 skills match what Bob wants to learn: Public speaking and SQL",
      17,
    ],
    [
      "skills",
      { skills: [], goals: "" },
      "None of Alice's 3 skills matches what Bob wants to learn",
      -50,
    ],
    [
      "skills",
      { interests: [], skills: [], goals: " " },
      "Bob gave no interests, skills or goals: neutral",
      0,
    ],
    ["department", {}, "Different departments (Engineering and Sales)", -50],
    ["department", { department: "engineering" }, "Both in Engineering", 50],
    ["department", { department: null }, "Bob's department is unknown: neutral", 0],
    ["seniority", {}, "Alice (Senior engineer) is 2 steps above Bob (Junior developer)", 50],
    [
      "seniority",
      { seniority: "Mid-level" },
      "Alice (Senior engineer) is a step above Bob (Mid-level)",
      50,
    ],
    [
      "seniority",
      { seniority: "Senior" },
      "Alice (Senior engineer) and Bob (Senior) are at the same level",
      -20,
    ],
    [
      "seniority",
      { seniority: "Director" },
      "Alice (Senior engineer) is less senior than Bob (Director)",
      -50,
    ],
    [
      "seniority",
      { seniority: "Intern" },
      "Alice (Senior engineer) is 3 steps above Bob (Intern)",
      40,
    ],
    [
      "seniority",
      { seniority: "Wizard" },
      'Could not read a level from Bob\'s seniority "Wizard": neutral',
      0,
    ],
    ["seniority", { seniority: null }, "Bob's seniority is unknown: neutral", 0],
    ["languages", {}, "Both speak Spanish", 50],
    [
      "languages",
      { languages: ["French"] },
      "No language in common (Alice: English and Spanish; Bob: French)",
      -50,
    ],
    ["languages", { languages: [] }, "Bob listed no languages: neutral", 0],
    ["time_zone", {}, "8 shared waking hours (Europe/Berlin and America/New_York)", 7],
    ["time_zone", { timeZone: "Europe/Berlin" }, "14 shared waking hours (both Europe/Berlin)", 50],
    [
      "time_zone",
      { timeZone: "Asia/Kolkata" },
      "9.5 shared waking hours (Europe/Berlin and Asia/Kolkata)",
      18,
    ],
    [
      "time_zone",
      { timeZone: "Nowhere/Land" },
      'Bob\'s time zone "Nowhere/Land" is unknown: neutral',
      0,
    ],
    ["availability", {}, "Free at the same times: Tue and Thu evenings", 0],
    [
      "availability",
      { availability: "Saturday mornings" },
      "Free at the same times: Sat mornings",
      50,
    ],
    [
      "availability",
      { availability: "weekday mornings" },
      "No free time in common (Alice: weekend mornings; Tue and Thu evenings; Bob: weekday mornings)",
      -50,
    ],
    [
      "availability",
      { availability: "whenever suits" },
      "Free at the same times: weekend mornings; Tue and Thu evenings",
      50,
    ],
    [
      "availability",
      { availability: "ask me" },
      'Could not read Bob\'s availability ("ask me"): neutral',
      0,
    ],
    ["availability", { availability: null }, "Bob gave no availability: neutral", 0],
  ])("%s with %j: %s", (field, change, text, points) => {
    expect(reasonFor(field, { ...bob, ...change })).toEqual({ criterion: field, points, text });
  });

  it("says which side is missing, or that both are", () => {
    const blank = profile("carol");
    expect(reasonFor("languages", bob, blank).text).toBe("Carol listed no languages: neutral");
    expect(reasonFor("languages", blank, profile("dan")).text).toBe(
      "Neither listed any languages: neutral",
    );
    expect(reasonFor("interests", bob, blank).text).toBe(
      "Carol listed no interests or skills: neutral",
    );
    expect(reasonFor("skills", bob, blank).text).toBe("Carol listed no skills: neutral");
  });

  it("reads shared waking hours at the moment of matching, across daylight saving time", () => {
    const march = new Date("2025-03-15T12:00:00Z");
    expect(reasonFor("time_zone", bob, alice, march).text).toBe(
      "9 shared waking hours (Europe/Berlin and America/New_York)",
    );
  });

  it("pairs across departments when the program asks for it", () => {
    const apart = rules({ department: 5 }, { sameDepartment: "not_allowed" });
    const result = scorePair(alice, bob, apart, january);
    expect(result).toMatchObject({ excluded: false, score: 100 });
    expect(texts(result)).toEqual([
      "Different departments (Engineering and Sales), as the program asks",
    ]);
  });
});

describe("the score", () => {
  it("is the weighted mean of the criteria on 0..100, unknowns counting half", () => {
    // interests 2/4 (weight 6), languages 1 (weight 2), availability unknown (weight 2)
    const program = rules({ interests: 6, languages: 2, availability: 2 });
    const result = scorePair(alice, { ...bob, availability: null }, program, january);
    expect(result).toMatchObject({ excluded: false, score: 60 });
    expect(result.reasons.map((r) => r.points)).toEqual([0, 10, 0]);
  });

  it("is a neutral 50 when the program weighs nothing", () => {
    expect(scorePair(alice, bob, rules({}), january)).toEqual({
      excluded: false,
      score: 50,
      reasons: [],
    });
  });

  it("lists a reason per criterion, in the program's order, points adding up to score − 50", () => {
    const program = rules({ availability: 3, seniority: 4, interests: 7, languages: 2 });
    const result = scorePair(alice, bob, program, january);
    if (result.excluded) throw new Error("expected a score");
    expect(result.reasons.map((r) => r.criterion)).toEqual([
      "availability",
      "seniority",
      "interests",
      "languages",
    ]);
    const points = result.reasons.reduce((sum, r) => sum + r.points, 0);
    expect(Math.abs(result.score - 50 - points)).toBeLessThanOrEqual(2);
  });
});

describe("exclusions", () => {
  const excludedBy = (result: PairScore) => {
    expect(result.excluded).toBe(true);
    return texts(result);
  };

  it("never pairs a member with themselves", () => {
    expect(excludedBy(scorePair(alice, alice, rules({}), january))).toEqual([
      "Alice cannot mentor themselves",
    ]);
  });

  it("keeps reporting lines apart, either way round, unless the program allows them", () => {
    const report = { ...bob, reportsTo: "alice" };
    expect(excludedBy(scorePair(alice, report, rules({}), january))).toEqual([
      "Bob reports to Alice: the program keeps reporting lines apart",
    ]);
    const boss = { ...alice, reportsTo: "bob" };
    expect(excludedBy(scorePair(boss, bob, rules({}), january))).toEqual([
      "Alice reports to Bob: the program keeps reporting lines apart",
    ]);
    const allowed = rules({}, { noReportingLine: false });
    expect(scorePair(alice, report, allowed, january).excluded).toBe(false);
  });

  it("refuses the same department when the program pairs across departments", () => {
    const sameDept = { ...bob, department: "engineering" };
    const apart = rules({}, { sameDepartment: "not_allowed" });
    expect(excludedBy(scorePair(alice, sameDept, apart, january))).toEqual([
      "Both in Engineering: the program pairs people from different departments",
    ]);
  });

  it("asks for the program's shared waking hours", () => {
    const tokyo = { ...bob, timeZone: "Asia/Tokyo" };
    expect(
      excludedBy(scorePair(alice, tokyo, rules({}, { timeZoneOverlapHours: 8 }), january)),
    ).toEqual(["Only 6 shared waking hours; the program asks for 8 hours"]);
    const newYork = rules({}, { timeZoneOverlapHours: 9 });
    expect(excludedBy(scorePair(alice, bob, newYork, january))).toEqual([
      "Only 8 shared waking hours; the program asks for 9 hours",
    ]);
    // In March only America has moved its clocks: 9 hours, enough.
    expect(scorePair(alice, bob, newYork, new Date("2025-03-15T12:00:00Z")).excluded).toBe(false);
    const lost = { ...bob, timeZone: "Atlantis/Deep" };
    expect(excludedBy(scorePair(alice, lost, newYork, january))).toEqual([
      'Bob\'s time zone "Atlantis/Deep" is unknown; the program asks for 9 hours',
    ]);
  });

  it("excludes a pair that fails a must (weight 10) or has no data for it", () => {
    const must = rules({ languages: 10, interests: 5 });
    expect(excludedBy(scorePair(alice, { ...bob, languages: ["French"] }, must, january))).toEqual([
      "A shared language is a must: No language in common (Alice: English and Spanish; Bob: French)",
    ]);
    expect(excludedBy(scorePair(alice, { ...bob, languages: [] }, must, january))).toEqual([
      "A shared language is a must: Bob listed no languages",
    ]);
    const passes = scorePair(alice, bob, must, january);
    expect(passes).toMatchObject({ excluded: false });
  });

  it("lists every reason that applies", () => {
    const program = rules({ seniority: 10, availability: 10 }, { sameDepartment: "not_allowed" });
    const clash = {
      ...bob,
      department: "Engineering",
      seniority: "Director",
      availability: "weekday mornings",
      reportsTo: "alice",
    };
    expect(excludedBy(scorePair(alice, clash, program, january))).toEqual([
      "Bob reports to Alice: the program keeps reporting lines apart",
      "Both in Engineering: the program pairs people from different departments",
      "Seniority is a must: Alice (Senior engineer) is less senior than Bob (Director)",
      "Shared free time is a must: No free time in common (Alice: weekend mornings; Tue and Thu evenings; Bob: weekday mornings)",
    ]);
  });
});
