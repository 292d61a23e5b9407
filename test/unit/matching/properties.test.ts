import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Assignment,
  assign,
  type Cohort,
  greedyAssign,
  MatchingError,
  pairKey,
  scorePair,
  stableAssign,
  suggest,
} from "../../../workers/shared/src/domain/matching";
import { cohortArb, pairScore } from "./support";

/**
 * Runs `assign`; a refused pin must really be unplaceable (excluded, blocked, its mentor out of
 * places, or its mentee pinned twice), and then the round runs without pins. Returns the pins
 * the result must contain.
 */
function assignOrRefuse(cohort: Cohort): { result: Assignment; pins: Cohort["pinned"] } {
  try {
    return { result: assign(cohort), pins: cohort.pinned ?? [] };
  } catch (err) {
    if (!(err instanceof MatchingError)) throw err;
    const pins = cohort.pinned ?? [];
    const broken = pins.some((p, k) => {
      const takenBefore = pins.slice(0, k).filter((q) => q.mentorId === p.mentorId).length;
      const capacity = cohort.mentors.find((m) => m.profile.memberId === p.mentorId)!.capacity;
      const twice = pins.slice(0, k).some((q) => q.menteeId === p.menteeId);
      return pairScore(cohort, p.mentorId, p.menteeId) === null || takenBefore >= capacity || twice;
    });
    expect(broken, err.message).toBe(true);
    return { result: assign(withoutPins(cohort)), pins: [] };
  }
}

function withoutPins(cohort: Cohort): Cohort {
  return { ...cohort, pinned: [] };
}

function checkFeasible(cohort: Cohort, result: Assignment): void {
  const load = new Map<string, number>();
  const mentees = new Set<string>();
  for (const pair of result.pairs) {
    expect(pairScore(cohort, pair.mentorId, pair.menteeId)).toBe(pair.score);
    expect(mentees.has(pair.menteeId)).toBe(false);
    mentees.add(pair.menteeId);
    load.set(pair.mentorId, (load.get(pair.mentorId) ?? 0) + 1);
  }
  for (const { profile, capacity } of cohort.mentors) {
    expect(load.get(profile.memberId) ?? 0).toBeLessThanOrEqual(capacity);
  }
  for (const m of cohort.mentees) {
    const listed = result.unmatched.some((u) => u.role === "mentee" && u.memberId === m.memberId);
    expect(listed).toBe(!mentees.has(m.memberId));
  }
  expect(result.total).toBe(result.pairs.reduce((sum, p) => sum + p.score, 0));
}

const runs = { numRuns: 150 };

describe("cohort assignment, on random cohorts", () => {
  it("never exceeds a capacity, never uses an excluded or blocked pair, keeps pins", () => {
    fc.assert(
      fc.property(cohortArb(), (cohort) => {
        const { result, pins } = assignOrRefuse(cohort);
        checkFeasible(cohort, result);
        const kept = result.pairs.map((p) => pairKey(p.mentorId, p.menteeId));
        for (const pin of pins ?? []) expect(kept).toContain(pairKey(pin.mentorId, pin.menteeId));
      }),
      runs,
    );
  });

  it("matches at least as many as greedy, and scores at least as much when matching as many", () => {
    fc.assert(
      fc.property(cohortArb(), (raw) => {
        const cohort = withoutPins(raw);
        const best = assign(cohort);
        const greedy = greedyAssign(cohort);
        checkFeasible(cohort, greedy);
        expect(best.pairs.length).toBeGreaterThanOrEqual(greedy.pairs.length);
        if (best.pairs.length === greedy.pairs.length) {
          expect(best.total).toBeGreaterThanOrEqual(greedy.total);
        }
      }),
      runs,
    );
  });

  it("balanced matches as many, its weakest pair at least as strong as total's and greedy's", () => {
    fc.assert(
      fc.property(cohortArb(), (raw) => {
        const cohort = withoutPins(raw);
        const total = assign(cohort);
        const balanced = assign(cohort, { objective: "balanced" });
        const greedy = greedyAssign(cohort);
        checkFeasible(cohort, balanced);
        expect(balanced.pairs.length).toBe(total.pairs.length);
        expect(balanced.total).toBeLessThanOrEqual(total.total);
        if (total.lowest !== null) expect(balanced.lowest).toBeGreaterThanOrEqual(total.lowest);
        if (greedy.pairs.length === balanced.pairs.length && greedy.lowest !== null) {
          expect(balanced.lowest).toBeGreaterThanOrEqual(greedy.lowest);
        }
      }),
      runs,
    );
  });

  it("is deterministic: shuffled input gives the same assignment", () => {
    fc.assert(
      fc.property(cohortArb(), fc.integer(), (raw, seed) => {
        const cohort = withoutPins(raw);
        const shuffle = <T>(list: T[]) =>
          list
            .map((item, k) => ({ item, key: Math.sin(seed + k) }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const shuffled: Cohort = {
          ...cohort,
          mentors: shuffle(cohort.mentors),
          mentees: shuffle(cohort.mentees),
          blocked: new Map(shuffle([...(cohort.blocked ?? new Map())])),
        };
        expect(assign(shuffled)).toEqual(assign(cohort));
        expect(assign(shuffled, { objective: "balanced" })).toEqual(
          assign(cohort, { objective: "balanced" }),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe("stable assignment, on random cohorts and requests", () => {
  it("leaves no mentee and mentor who would both rather have each other", () => {
    const requestsArb = fc.array(fc.array(fc.nat(11), { maxLength: 4 }), {
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(cohortArb(), requestsArb, fc.boolean(), (raw, picks, fillByScore) => {
        const cohort = withoutPins(raw);
        const mentorIds = cohort.mentors.map((m) => m.profile.memberId);
        const requests = new Map(
          cohort.mentees.map((m, k) => [
            m.memberId,
            picks[k]!.map((p) => mentorIds[p % Math.max(1, mentorIds.length)]!).filter(Boolean),
          ]),
        );
        const result = stableAssign(cohort, { requests, fillByScore });
        checkFeasible(cohort, result);

        const score = (mentorId: string, menteeId: string) => pairScore(cohort, mentorId, menteeId);
        const capacity = new Map(cohort.mentors.map((m) => [m.profile.memberId, m.capacity]));
        /** The mentee's acceptable mentors, in the order the mentee prefers them. */
        const wishes = (menteeId: string) => {
          const asked = [...new Set(requests.get(menteeId) ?? [])];
          const ok = (id: string) => score(id, menteeId) !== null && capacity.get(id)! > 0;
          const list = asked.filter(ok);
          if (fillByScore) {
            const rest = [...mentorIds].sort().filter((id) => ok(id) && !list.includes(id));
            rest.sort((a, b) => score(b, menteeId)! - score(a, menteeId)!);
            list.push(...rest);
          }
          return list;
        };
        const mentorOf = new Map(result.pairs.map((p) => [p.menteeId, p.mentorId]));
        for (const { memberId: menteeId } of cohort.mentees) {
          const list = wishes(menteeId);
          const current = mentorOf.get(menteeId);
          const better = current === undefined ? list : list.slice(0, list.indexOf(current));
          for (const mentorId of better) {
            const held = result.pairs.filter((p) => p.mentorId === mentorId);
            const mine = score(mentorId, menteeId)!;
            const wouldTake =
              held.length < capacity.get(mentorId)! ||
              held.some((p) => p.score < mine || (p.score === mine && menteeId < p.menteeId));
            expect(wouldTake, `${menteeId} and ${mentorId} would rather be together`).toBe(false);
          }
        }
      }),
      runs,
    );
  });
});

describe("suggestions agree with pair scores", () => {
  it("rank every compatible candidate by score and drop the excluded ones", () => {
    fc.assert(
      fc.property(cohortArb(), (cohort) => {
        const person = cohort.mentees[0];
        if (!person) return;
        const mentors = cohort.mentors.map((m) => m.profile);
        const result = suggest(person, "mentee", mentors, cohort.rules, cohort.now, {
          limit: 100,
          blocked: cohort.blocked,
          includeExcluded: true,
        });
        const scores = result.suggestions.map((s) => s.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        for (const s of result.suggestions) {
          const pair = scorePair(
            mentors.find((m) => m.memberId === s.memberId)!,
            person,
            cohort.rules,
            cohort.now,
          );
          expect(pair).toMatchObject({ excluded: false, score: s.score, reasons: s.reasons });
        }
        expect(result.suggestions.length + result.excluded.length).toBe(mentors.length);
        for (const e of result.excluded) expect(e.reasons.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });
});
