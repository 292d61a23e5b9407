import { describe, expect, it } from "vitest";
import {
  assign,
  type Cohort,
  greedyAssign,
  MatchingError,
  type MatchProfile,
  pairKey,
  stableAssign,
  suggest,
} from "../../../workers/shared/src/domain/matching";
import { january, profile, rules } from "./support";

const byInterests = rules({ interests: 5 });
const mentor = (id: string, interests: string[], capacity = 1) => ({
  profile: profile(id, { interests }),
  capacity,
});
const mentee = (id: string, interests: string[]) => profile(id, { interests });

/** Greedy takes x–A (100) first and leaves y with B (0); x–B (50) and y–A (100) is better. */
const trap: Cohort = {
  mentors: [mentor("amy", ["a", "b"]), mentor("bo", ["b"])],
  mentees: [mentee("xia", ["a", "b"]), mentee("yan", ["a"])],
  rules: byInterests,
  now: january,
};

const pairsOf = (result: { pairs: { mentorId: string; menteeId: string; score: number }[] }) =>
  result.pairs.map((p) => `${p.mentorId}–${p.menteeId} ${p.score}`);

describe("assigning a cohort", () => {
  it("beats greedy on the total when greedy's first pick blocks a better pair", () => {
    expect(pairsOf(greedyAssign(trap))).toEqual(["amy–xia 100", "bo–yan 0"]);
    const best = assign(trap);
    expect(pairsOf(best)).toEqual(["amy–yan 100", "bo–xia 50"]);
    expect(best).toMatchObject({ total: 150, lowest: 50, objective: "total" });
    expect(best.pairs[0]!.reasons[0]!.text).toBe(
      "1 of Yan's 1 interest is among Amy's interests or skills: a",
    );
  });

  it("matches as many mentees as it can before it looks at scores", () => {
    const blocked = new Map([[pairKey("bo", "yan"), "Yan asked not to work with Bo"]]);
    const cohort = { ...trap, blocked };
    expect(pairsOf(greedyAssign(cohort))).toEqual(["amy–xia 100"]);
    expect(pairsOf(assign(cohort))).toEqual(["amy–yan 100", "bo–xia 50"]);
  });

  it("balanced lifts the weakest pair, total takes the bigger sum", () => {
    const cohort: Cohort = {
      mentors: [mentor("amy", ["a", "b", "c", "d", "e", "f"]), mentor("bo", ["a", "b", "h"])],
      mentees: [mentee("xia", ["a", "b", "c", "d"]), mentee("yan", ["e", "f", "g", "h"])],
      rules: byInterests,
      now: january,
    };
    expect(assign(cohort)).toMatchObject({ total: 125, lowest: 25 });
    const balanced = assign(cohort, { objective: "balanced" });
    expect(pairsOf(balanced)).toEqual(["amy–yan 50", "bo–xia 50"]);
    expect(balanced).toMatchObject({ total: 100, lowest: 50, objective: "balanced" });
  });

  it("tells why each mentee is left and how many places each mentor has open", () => {
    const cohort: Cohort = {
      mentors: [mentor("amy", ["a"], 1), mentor("bo", ["b"], 3)],
      mentees: [mentee("cy", ["a"]), mentee("dee", ["a", "q"]), mentee("eve", ["z"])],
      rules: rules({ interests: 10 }),
      now: january,
      blocked: new Map([[pairKey("bo", "dee"), "Dee and Bo were matched last term"]]),
    };
    expect(assign(cohort).unmatched).toEqual([
      { memberId: "dee", role: "mentee", reason: "All compatible mentors are at capacity" },
      {
        memberId: "eve",
        role: "mentee",
        reason: "No compatible mentor: no shared interests (a must)",
      },
      { memberId: "bo", role: "mentor", reason: "3 open places" },
    ]);
    const noMentors = { ...cohort, mentors: [] };
    expect(assign(noMentors).unmatched[0]!.reason).toBe("No mentor in this round");
    const onlyBlocked = { ...cohort, mentors: [mentor("bo", ["a"], 2)] };
    expect(assign(onlyBlocked).unmatched).toContainEqual({
      memberId: "dee",
      role: "mentee",
      reason: "No compatible mentor: Dee and Bo were matched last term",
    });
  });

  it("keeps pinned pairs, which take their mentor's places", () => {
    const cohort = { ...trap, pinned: [{ mentorId: "amy", menteeId: "xia" }] };
    const result = assign(cohort);
    expect(pairsOf(result)).toEqual(["amy–xia 100", "bo–yan 0"]);
  });

  it("refuses a pin it cannot honour, saying why", () => {
    const refuse = (pinned: Cohort["pinned"], extra: Partial<Cohort> = {}) =>
      expect(() => assign({ ...trap, ...extra, pinned }));
    refuse([{ mentorId: "amy", menteeId: "xia" }], {
      blocked: new Map([[pairKey("amy", "xia"), "they asked not to be paired"]]),
    }).toThrow(new MatchingError("Cannot pin Amy and Xia: they asked not to be paired."));
    refuse([{ mentorId: "bo", menteeId: "yan" }], { rules: rules({ interests: 10 }) }).toThrow(
      "Cannot pin Bo and Yan: Shared interests are a must: None of Yan's 1 interest is among Bo's interests or skills.",
    );
    refuse([
      { mentorId: "amy", menteeId: "xia" },
      { mentorId: "amy", menteeId: "yan" },
    ]).toThrow("Cannot pin Amy and Yan: Amy has no open place left.");
    refuse([
      { mentorId: "amy", menteeId: "xia" },
      { mentorId: "bo", menteeId: "xia" },
    ]).toThrow("Xia is pinned to more than one mentor.");
    refuse([{ mentorId: "zed", menteeId: "xia" }]).toThrow(
      "The pinned mentor zed is not in this round.",
    );
    expect(() => assign({ ...trap, mentees: [...trap.mentees, trap.mentees[0]!] })).toThrow(
      "Xia is listed twice among the mentees.",
    );
  });

  it("gives the same result whatever order people arrive in", () => {
    const reversed = {
      ...trap,
      mentors: [...trap.mentors].reverse(),
      mentees: [...trap.mentees].reverse(),
    };
    expect(assign(reversed)).toEqual(assign(trap));
  });
});

describe("stable assignment by requests", () => {
  const people: Record<string, MatchProfile> = {
    xia: mentee("xia", ["a", "b"]),
    yan: mentee("yan", ["a"]),
    zoe: mentee("zoe", ["b"]),
  };
  const cohort: Cohort = {
    mentors: [mentor("amy", ["a", "b"]), mentor("bo", ["b"])],
    mentees: Object.values(people),
    rules: byInterests,
    now: january,
  };

  it("gives a contested mentor the mentee who fits them best; the other tries their next wish", () => {
    const requests = new Map([
      ["xia", ["amy", "bo"]],
      ["yan", ["amy"]],
      ["zoe", ["bo"]],
    ]);
    const result = stableAssign(cohort, { requests });
    // Amy scores Xia and Yan 100 each: the tie goes to the lower id, Xia. Yan asked for no one else.
    // Zoe (100 with Bo) keeps Bo.
    expect(pairsOf(result)).toEqual(["amy–xia 100", "bo–zoe 100"]);
    expect(result.unmatched).toEqual([
      {
        memberId: "yan",
        role: "mentee",
        reason: "Every mentor they would accept is full with better-fitting mentees",
      },
    ]);
    expect(result.objective).toBe("stable");
  });

  it("falls back to scores when asked, and says who asked for nobody", () => {
    const requests = new Map([["yan", ["bo"]]]);
    expect(pairsOf(stableAssign(cohort, { requests, fillByScore: true }))).toEqual([
      "amy–xia 100",
      "bo–zoe 100",
    ]);
    const alone = stableAssign(cohort, { requests: new Map() });
    expect(alone.pairs).toEqual([]);
    expect(alone.unmatched[0]).toEqual({
      memberId: "xia",
      role: "mentee",
      reason: "Asked for no mentor",
    });
  });
});

describe("suggestions for one member", () => {
  const mentors = [
    profile("amy", { interests: ["a", "b"], languages: ["English"] }),
    profile("bo", { interests: ["a"], languages: ["English"] }),
    profile("cy", { interests: ["a", "b"], languages: ["French"] }),
    profile("di", { interests: ["b"], languages: ["English"] }),
  ];
  const seeker = profile("xia", { interests: ["a", "b"], languages: ["English"] });
  const program = rules({ interests: 5, languages: 10 });

  it("ranks mentors best first, marks the full ones and drops the excluded", () => {
    const result = suggest(seeker, "mentee", mentors, program, january, {
      limit: 2,
      capacity: new Map([["amy", 0]]),
    });
    expect(result.suggestions.map((s) => [s.memberId, s.score, s.atCapacity])).toEqual([
      ["amy", 100, true],
      ["bo", 83, false],
    ]);
    expect(result.suggestions[0]!.reasons.map((r) => r.text)).toEqual([
      "2 of Xia's 2 interests are among Amy's interests or skills: a and b",
      "Both speak English",
    ]);
    expect(result.excluded).toEqual([]);
  });

  it("returns the excluded ones with their reasons when asked, blocked ones included", () => {
    const blocked = new Map([[pairKey("bo", "xia"), "Bo mentored Xia last year"]]);
    const result = suggest(seeker, "mentee", mentors, program, january, {
      blocked,
      includeExcluded: true,
    });
    expect(result.suggestions.map((s) => s.memberId)).toEqual(["amy", "di"]);
    expect(result.excluded).toEqual([
      {
        memberId: "bo",
        displayName: "Bo",
        reasons: [{ criterion: "constraint", points: 0, text: "Bo mentored Xia last year" }],
      },
      {
        memberId: "cy",
        displayName: "Cy",
        reasons: [
          {
            criterion: "languages",
            points: 0,
            text: "A shared language is a must: No language in common (Cy: French; Xia: English)",
          },
        ],
      },
    ]);
  });

  it("suggests mentees for a mentor the same way round", () => {
    const mentees = [seeker, profile("yan", { interests: ["a"], languages: ["English"] })];
    const result = suggest(mentors[3]!, "mentor", mentees, program, january);
    expect(result.suggestions.map((s) => [s.memberId, s.score])).toEqual([
      ["xia", 83],
      ["yan", 67],
    ]);
  });
});
