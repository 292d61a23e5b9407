import type { ScoredCohort } from "./cohort";
import { greedyMentors } from "./greedy";

/**
 * The "balanced" objective's first step: the highest score θ such that the pairs scoring at
 * least θ still match as many mentees as all compatible pairs do. Binary search over the scores
 * that occur, each step a maximum-cardinality check (augmenting paths, Hopcroft–Karp style,
 * from the greedy assignment at that threshold).
 */
export function bottleneckScore(cohort: ScoredCohort): { minScore: number; matched: number } {
  const values = new Set<number>();
  const m = cohort.mentors.length;
  cohort.scores.forEach((s, p) => {
    if (s >= 0 && cohort.capacity[p % m]! > 0) values.add(s);
  });
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { minScore: 0, matched: 0 };
  const most = maxMatched(cohort, 0);
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (maxMatched(cohort, sorted[mid]!) === most) low = mid;
    else high = mid - 1;
  }
  return { minScore: sorted[low]!, matched: most };
}

/** How many mentees can be matched using only pairs that score at least `minScore`. */
export function maxMatched(cohort: ScoredCohort, minScore: number): number {
  const n = cohort.mentees.length;
  const m = cohort.mentors.length;
  const { capacity, scores } = cohort;
  const mentorOf = greedyMentors(cohort, minScore);
  // Each mentor's mentees, in a block of `capacity` slots.
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + capacity[j]!;
  const slots = new Int32Array(slotStart[m]!);
  const load = new Int32Array(m);
  const slotOf = new Int32Array(n).fill(-1);
  const place = (i: number, j: number) => {
    const at = slotStart[j]! + load[j]!++;
    slots[at] = i;
    slotOf[i] = at;
    mentorOf[i] = j;
  };
  const unplace = (i: number) => {
    const j = mentorOf[i]!;
    const last = slotStart[j]! + --load[j]!;
    const moved = slots[last]!;
    slots[slotOf[i]!] = moved;
    slotOf[moved] = slotOf[i]!;
    mentorOf[i] = -1;
  };
  let matched = 0;
  for (let i = 0; i < n; i++) {
    const j = mentorOf[i]!;
    if (j >= 0) {
      mentorOf[i] = -1;
      place(i, j);
      matched++;
    }
  }
  const usable = (i: number, j: number) => scores[i * m + j]! >= minScore && capacity[j]! > 0;

  const layer = new Int32Array(n);
  const unreached = 0x7fffffff;
  const search = (): boolean => {
    layer.fill(unreached);
    const queue: number[] = [];
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] === -1) {
        layer[i] = 0;
        queue.push(i);
      }
    }
    let found = false;
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q]!;
      for (let j = 0; j < m; j++) {
        if (!usable(i, j)) continue;
        if (load[j]! < capacity[j]!) found = true;
        else if (!found) {
          for (let s = slotStart[j]!; s < slotStart[j]! + load[j]!; s++) {
            const next = slots[s]!;
            if (layer[next] === unreached) {
              layer[next] = layer[i]! + 1;
              queue.push(next);
            }
          }
        }
      }
    }
    return found;
  };
  /** Moves `i` (free, or placed deeper in a path) onto a mentor, shifting others along. */
  const augment = (i: number): boolean => {
    const own = mentorOf[i]!;
    for (let j = 0; j < m; j++) {
      if (j === own || !usable(i, j)) continue;
      let freed = load[j]! < capacity[j]!;
      for (let s = slotStart[j]!; !freed && s < slotStart[j]! + load[j]!; s++) {
        const next = slots[s]!;
        freed = layer[next] === layer[i]! + 1 && augment(next);
      }
      if (freed) {
        if (own >= 0) unplace(i);
        place(i, j);
        return true;
      }
    }
    layer[i] = unreached;
    return false;
  };
  while (search()) {
    let grew = 0;
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] === -1 && layer[i] === 0 && augment(i)) grew++;
    }
    if (grew === 0) break;
    matched += grew;
  }
  return matched;
}
