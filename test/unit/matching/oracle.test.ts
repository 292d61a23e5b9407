import fc from "fast-check";
import loadHighs from "highs";
import { describe, expect, it } from "vitest";
import { assign, type Cohort } from "../../../workers/shared/src/domain/matching";
import { cohortArb, pairScore } from "./support";

// The optimiser works on a subset of pairs and proves optimality with potentials; these
// tests check its answers against independent solvers: the b-matching LP (its constraint
// matrix is totally unimodular, so the LP optimum is integral) and, for the balanced
// objective, exhaustive search on tiny cohorts.

const highs = await loadHighs();

/** Every compatible pair, by the public scorer. */
function compatiblePairs(cohort: Cohort) {
  const pairs: { mentor: number; mentee: number; score: number }[] = [];
  cohort.mentors.forEach((m, mentor) => {
    if (m.capacity === 0) return;
    cohort.mentees.forEach((e, mentee) => {
      const score = pairScore(cohort, m.profile.memberId, e.memberId);
      if (score !== null) pairs.push({ mentor, mentee, score });
    });
  });
  return pairs;
}

/** Max Σ (big + score) over b-matchings: the most pairs first, then the highest total. */
function lpOptimum(cohort: Cohort, big: number): number {
  const pairs = compatiblePairs(cohort);
  if (pairs.length === 0) return 0;
  const x = (p: { mentor: number; mentee: number }) => `x_${p.mentor}_${p.mentee}`;
  const rows: string[] = [];
  cohort.mentees.forEach((_, e) => {
    const own = pairs.filter((p) => p.mentee === e).map(x);
    if (own.length) rows.push(` e${e}: ${own.join(" + ")} <= 1`);
  });
  cohort.mentors.forEach((m, r) => {
    const own = pairs.filter((p) => p.mentor === r).map(x);
    if (own.length) rows.push(` m${r}: ${own.join(" + ")} <= ${m.capacity}`);
  });
  const model = [
    "Maximize",
    ` obj: ${pairs.map((p) => `${big + p.score} ${x(p)}`).join(" + ")}`,
    "Subject To",
    ...rows,
    "Bounds",
    ...pairs.map((p) => ` 0 <= ${x(p)} <= 1`),
    "End",
  ].join("\n");
  const solution = highs.solve(model, { output_flag: false });
  expect(solution.Status).toBe("Optimal");
  return Math.round(solution.ObjectiveValue);
}

/** Best (pairs, lowest, total) by trying every assignment: tiny cohorts only. */
function exhaustive(cohort: Cohort) {
  const pairs = compatiblePairs(cohort);
  const left = cohort.mentors.map((m) => m.capacity);
  let best = { count: 0, lowest: Number.POSITIVE_INFINITY, total: 0 };
  const better = (a: typeof best, b: typeof best) =>
    a.count !== b.count
      ? a.count > b.count
      : a.lowest !== b.lowest
        ? a.lowest > b.lowest
        : a.total > b.total;
  const walk = (mentee: number, count: number, lowest: number, total: number) => {
    if (mentee === cohort.mentees.length) {
      const here = { count, lowest, total };
      if (better(here, best)) best = here;
      return;
    }
    walk(mentee + 1, count, lowest, total);
    for (const p of pairs) {
      if (p.mentee !== mentee || left[p.mentor] === 0) continue;
      left[p.mentor]!--;
      walk(mentee + 1, count + 1, Math.min(lowest, p.score), total + p.score);
      left[p.mentor]!++;
    }
  };
  walk(0, 0, Number.POSITIVE_INFINITY, 0);
  return { count: best.count, lowest: best.count ? best.lowest : null, total: best.total };
}

const noPins = (cohort: Cohort): Cohort => ({ ...cohort, pinned: [] });

describe("the optimiser against independent solvers", () => {
  it("finds the LP optimum: as many pairs as possible, then the highest total", () => {
    fc.assert(
      fc.property(cohortArb(12, 12), (raw) => {
        const cohort = noPins(raw);
        const big = 100 * (cohort.mentees.length + 1);
        const result = assign(cohort);
        expect(big * result.pairs.length + result.total).toBe(lpOptimum(cohort, big));
      }),
      { numRuns: 60 },
    );
  });

  it("balanced finds the best lowest score among the largest assignments, then the best total", () => {
    fc.assert(
      fc.property(cohortArb(4, 5), (raw) => {
        const cohort = noPins(raw);
        const result = assign(cohort, { objective: "balanced" });
        expect({ count: result.pairs.length, lowest: result.lowest, total: result.total }).toEqual(
          exhaustive(cohort),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("holds on a cohort where the first candidates are too few to contain the optimum", () => {
    fc.assert(
      fc.property(cohortArb(12, 12), (raw) => {
        const cohort = noPins(raw);
        const big = 100 * (cohort.mentees.length + 1);
        const result = assign(cohort, { candidates: 1 });
        expect(big * result.pairs.length + result.total).toBe(lpOptimum(cohort, big));
      }),
      { numRuns: 60 },
    );
  });
});
