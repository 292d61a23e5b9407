import { bottleneckScore } from "./bottleneck";
import { type Cohort, scoreCohort } from "./cohort";
import { greedyMentors } from "./greedy";
import { optimalMentors } from "./optimize";
import { type Assignment, outcome } from "./outcome";

export interface AssignOptions {
  /**
   * "total" (the default): match as many mentees as possible, then maximise the sum of
   * scores. "balanced": match as many mentees as possible, then lift the weakest pair as high
   * as it goes, then maximise the sum.
   */
  objective?: "total" | "balanced";
  /** How many best mentors per mentee the optimiser starts from; the result is exact anyway. */
  candidates?: number;
}

/** The best assignment of a cohort under the chosen objective. Deterministic. */
export function assign(cohort: Cohort, options: AssignOptions = {}): Assignment {
  const objective = options.objective ?? "total";
  const scored = scoreCohort(cohort);
  const minScore = objective === "balanced" ? bottleneckScore(scored).minScore : 0;
  const { mentorOf } = optimalMentors(scored, {
    minScore,
    candidates: options.candidates ?? 12,
    seed: greedyMentors(scored, minScore),
  });
  return outcome(scored, mentorOf, objective);
}

/** The baseline: the highest-scoring compatible pairs first, never revisited. */
export function greedyAssign(cohort: Cohort): Assignment {
  const scored = scoreCohort(cohort);
  return outcome(scored, greedyMentors(scored), "greedy");
}
