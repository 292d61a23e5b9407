import type { ScoredCohort } from "./cohort";
import { addArc, createNetwork, distances, type FlowNetwork, minCostFlow } from "./flow";

/**
 * The exact best assignment: most mentees matched, then the highest total score, over every
 * compatible pair scoring at least `minScore`.
 *
 * A cohort of 2,000 mentees and 600 mentors has 1.2 million pairs, too many arcs for a flow
 * solver to walk a thousand times. So the flow is solved on candidates only (each mentee's
 * best `candidates` mentors, plus the pairs of a seed assignment such as the greedy one), and
 * then every other pair is priced with the solution's potentials. A pair whose reduced cost is
 * negative could improve the solution: those join the candidates and the flow is solved
 * again. When no pair is negative, the potentials prove the solution optimal for the whole
 * cohort (they satisfy the optimality conditions on every pair, not just the candidates).
 */
export interface OptimizeOptions {
  minScore: number;
  candidates: number;
  seed: Int32Array;
}

export interface Optimized {
  mentorOf: Int32Array;
  /** Flow solves it took: 1 when the first candidates already held the optimum. */
  rounds: number;
  candidatePairs: number;
}

/** Candidate mentors per mentee: the best `k` by score (ties to the lower index) and the seed. */
function firstCandidates(cohort: ScoredCohort, options: OptimizeOptions): Uint8Array {
  const m = cohort.mentors.length;
  const chosen = new Uint8Array(cohort.scores.length);
  const count = new Int32Array(101);
  for (let i = 0; i < cohort.mentees.length; i++) {
    count.fill(0);
    for (let j = 0; j < m; j++) {
      const s = cohort.scores[i * m + j]!;
      if (s >= options.minScore && cohort.capacity[j]! > 0) count[s]!++;
    }
    // The lowest score that still makes the top k; take every pair above it, and at it
    // only as many as fit.
    let cut = 100;
    let above = 0;
    while (cut > 0 && above + count[cut]! < options.candidates) above += count[cut--]!;
    let atCut = options.candidates - above;
    for (let j = 0; j < m; j++) {
      const s = cohort.scores[i * m + j]!;
      if (s < options.minScore || cohort.capacity[j]! <= 0) continue;
      if (s > cut || (s === cut && atCut-- > 0)) chosen[i * m + j] = 1;
    }
    const seeded = options.seed[i]!;
    if (seeded >= 0) chosen[i * m + seeded] = 1;
  }
  return chosen;
}

function buildNetwork(cohort: ScoredCohort, chosen: Uint8Array, big: number): FlowNetwork {
  const n = cohort.mentees.length;
  const m = cohort.mentors.length;
  let pairs = 0;
  for (const c of chosen) pairs += c;
  const g = createNetwork(n + m + 2, pairs + n + m, 0, n + m + 1);
  // Initial potentials make every reduced cost non-negative despite the negative pair costs.
  const lowest = new Float64Array(m);
  for (let i = 0; i < n; i++) addArc(g, g.source, 1 + i, 1, 0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (!chosen[i * m + j]) continue;
      const cost = -(big + cohort.scores[i * m + j]!);
      addArc(g, 1 + i, 1 + n + j, 1, cost);
      lowest[j] = Math.min(lowest[j]!, cost);
    }
  }
  for (let j = 0; j < m; j++) {
    if (cohort.capacity[j]! > 0) addArc(g, 1 + n + j, g.sink, cohort.capacity[j]!, 0);
    g.potential[1 + n + j] = lowest[j]!;
  }
  g.potential[g.sink] = lowest.reduce((low, p) => Math.min(low, p), 0);
  return g;
}

/**
 * Potentials valid on the whole residual network once no augmenting path is left, raised as
 * little as possible off the source's side: nodes the source reaches get their distance; nodes
 * that reach the sink are lifted above everything (so any pair from the first group to the
 * second, which would be an augmenting path, prices negative); the rest sit in between.
 */
function certificate(g: FlowNetwork): Float64Array {
  const dist = distances(g, false);
  let reached = 0;
  for (const d of dist) if (d !== Number.POSITIVE_INFINITY) reached = Math.max(reached, d);
  const reachesSink = new Uint8Array(g.nodes);
  const queue = [g.sink];
  reachesSink[g.sink] = 1;
  while (queue.length > 0) {
    const v = queue.pop()!;
    for (let b = g.head[v]!; b !== -1; b = g.next[b]!) {
      const u = g.to[b]!;
      if (!reachesSink[u] && g.cap[b ^ 1]! > 0) {
        reachesSink[u] = 1;
        queue.push(u);
      }
    }
  }
  const lift = Math.max(reached, g.potential[g.source]! - g.potential[g.sink]!);
  return Float64Array.from(g.potential, (p, v) => {
    if (dist[v] !== Number.POSITIVE_INFINITY) return p + dist[v]!;
    return p + (reachesSink[v] ? lift : reached);
  });
}

export function optimalMentors(cohort: ScoredCohort, options: OptimizeOptions): Optimized {
  const n = cohort.mentees.length;
  const m = cohort.mentors.length;
  const places = cohort.capacity.reduce((sum, c) => sum + c, 0);
  const big = 100 * (Math.min(n, places) + 1);
  const chosen = firstCandidates(cohort, options);
  for (let rounds = 1; ; rounds++) {
    const g = buildNetwork(cohort, chosen, big);
    minCostFlow(g);
    const potential = certificate(g);
    let added = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        const p = i * m + j;
        const s = cohort.scores[p]!;
        if (chosen[p] || s < options.minScore || cohort.capacity[j]! <= 0) continue;
        if (-(big + s) + potential[1 + i]! - potential[1 + n + j]! < 0) {
          chosen[p] = 1;
          added++;
        }
      }
    }
    if (added === 0) {
      let candidatePairs = 0;
      for (const c of chosen) candidatePairs += c;
      return { mentorOf: readAssignment(g, n), rounds, candidatePairs };
    }
  }
}

function readAssignment(g: FlowNetwork, n: number): Int32Array {
  const mentorOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let a = g.head[1 + i]!; a !== -1; a = g.next[a]!) {
      // A used pair arc has given its unit to its twin.
      if (a % 2 === 0 && g.to[a]! > n && g.cap[a] === 0) mentorOf[i] = g.to[a]! - n - 1;
    }
  }
  return mentorOf;
}
