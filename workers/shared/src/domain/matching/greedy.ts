import type { ScoredCohort } from "./cohort";

/**
 * The baseline: take the highest-scoring compatible pair whose mentee is free and whose mentor
 * has a place, again and again. Ties go to the lower mentee, then mentor, id. Returns each
 * mentee's mentor index, -1 for none. Scores are 0..100, so a counting sort orders the pairs.
 */
export function greedyMentors(cohort: ScoredCohort, minScore = 0): Int32Array {
  const { scores, capacity } = cohort;
  const m = cohort.mentors.length;
  const count = new Int32Array(102);
  for (let p = 0; p < scores.length; p++) {
    const s = scores[p]!;
    if (s >= minScore && capacity[p % m]! > 0) count[100 - s + 1]!++;
  }
  for (let s = 1; s < count.length; s++) count[s]! += count[s - 1]!;
  const order = new Int32Array(count[101]!);
  for (let p = 0; p < scores.length; p++) {
    const s = scores[p]!;
    if (s >= minScore && capacity[p % m]! > 0) order[count[100 - s]!++] = p;
  }

  const mentorOf = new Int32Array(cohort.mentees.length).fill(-1);
  const load = new Int32Array(m);
  for (const p of order) {
    const i = Math.floor(p / m);
    const j = p % m;
    if (mentorOf[i] === -1 && load[j]! < capacity[j]!) {
      mentorOf[i] = j;
      load[j]!++;
    }
  }
  return mentorOf;
}
