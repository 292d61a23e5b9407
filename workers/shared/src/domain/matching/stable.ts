import { type Cohort, type ScoredCohort, scoreCohort } from "./cohort";
import { type Assignment, menteeReason, outcome } from "./outcome";

export interface StableOptions {
  /** Each mentee's requested mentors (member ids), most wanted first. */
  requests: ReadonlyMap<string, readonly string[]>;
  /** After their requests, mentees accept any other compatible mentor, best score first. */
  fillByScore?: boolean;
}

/**
 * Pairs by requests, the way mentee-chooses programs work: mentee-proposing deferred
 * acceptance (Gale–Shapley) with mentor capacities. Mentees propose down their list; a mentor
 * holds the best-scoring proposals that fit their open places and lets the others go. The result
 * is stable: no mentee and mentor would both rather be paired with each other than with what
 * they got. Excluded and blocked pairs never form; pinned pairs are placed first.
 */
export function stableAssign(cohort: Cohort, options: StableOptions): Assignment {
  const scored = scoreCohort(cohort);
  const { scores, capacity, mentees } = scored;
  const m = scored.mentors.length;
  const preferences = mentees.map((_, i) => preferenceList(scored, i, options));

  const held: number[][] = scored.mentors.map(() => []);
  const mentorOf = new Int32Array(mentees.length).fill(-1);
  const nextChoice = new Int32Array(mentees.length);
  // Mentors prefer the higher score, then the lower member id (mentees are sorted by id).
  const prefers = (j: number, a: number, b: number) =>
    scores[a * m + j]! - scores[b * m + j]! || b - a;
  const free = mentees.map((_, i) => i).reverse();
  while (free.length > 0) {
    const i = free.pop()!;
    const list = preferences[i]!;
    if (nextChoice[i]! >= list.length) continue;
    const j = list[nextChoice[i]!++]!;
    const holding = held[j]!;
    holding.push(i);
    mentorOf[i] = j;
    if (holding.length > capacity[j]!) {
      let worst = 0;
      for (let k = 1; k < holding.length; k++) {
        if (prefers(j, holding[worst]!, holding[k]!) > 0) worst = k;
      }
      const [released] = holding.splice(worst, 1);
      mentorOf[released!] = -1;
      free.push(released!);
    }
  }
  const why = (s: ScoredCohort, i: number) => unmatchedReason(s, i, preferences[i]!, options);
  return outcome(scored, mentorOf, "stable", why);
}

/** The mentors a mentee would accept, in order: compatible requests, then (if asked) the rest. */
function preferenceList(cohort: ScoredCohort, i: number, options: StableOptions): number[] {
  const m = cohort.mentors.length;
  const mentee = cohort.mentees[i]!;
  const acceptable = (j: number) => cohort.scores[i * m + j]! >= 0 && cohort.capacity[j]! > 0;
  const list: number[] = [];
  const seen = new Set<number>();
  const index = new Map(cohort.mentors.map((p, j) => [p.profile.memberId, j]));
  for (const id of options.requests.get(mentee.profile.memberId) ?? []) {
    const j = index.get(id);
    if (j !== undefined && !seen.has(j) && acceptable(j)) {
      list.push(j);
      seen.add(j);
    }
  }
  if (options.fillByScore) {
    const rest: number[] = [];
    for (let j = 0; j < m; j++) if (!seen.has(j) && acceptable(j)) rest.push(j);
    rest.sort((a, b) => cohort.scores[i * m + b]! - cohort.scores[i * m + a]! || a - b);
    list.push(...rest);
  }
  return list;
}

function unmatchedReason(
  cohort: ScoredCohort,
  i: number,
  preferences: number[],
  options: StableOptions,
): string {
  if (preferences.length > 0)
    return "Every mentor they would accept is full with better-fitting mentees";
  const asked = options.requests.get(cohort.mentees[i]!.profile.memberId) ?? [];
  if (asked.length === 0 && !options.fillByScore) return "Asked for no mentor";
  if (!options.fillByScore)
    return "None of the mentors they asked for is compatible or has an open place";
  return menteeReason(cohort, i);
}
