/**
 * `npm run bench:matching`: the matching engine on a cohort of 2,000 mentees × 600 mentors
 * (capacity 1–4 each, five criteria, seeded random profiles), printed and appended to
 * docs/benchmarks.md under a "## Matching" heading. Figures are observations, not thresholds.
 */
import { appendFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import {
  type Assignment,
  assign,
  greedyAssign,
  suggest,
} from "../workers/shared/src/domain/matching";
import { scoreCohort } from "../workers/shared/src/domain/matching/cohort";
import { greedyMentors } from "../workers/shared/src/domain/matching/greedy";
import { optimalMentors } from "../workers/shared/src/domain/matching/optimize";
import { gitCommit, markdownTable } from "./lib";
import { benchCohort } from "./matching-cohort";
import { reportPath } from "./report";

const menteeCount = 2000;
const mentorCount = 600;
const seed = Number(process.env.BENCH_SEED ?? 42);

let peakHeap = 0;
const baseHeap = process.memoryUsage().heapUsed;
function sampleMemory(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const memoryTimer = setInterval(sampleMemory, 5);

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  sampleMemory();
  return [value, performance.now() - start];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const cohort = benchCohort(seed, menteeCount, mentorCount);
const places = cohort.mentors.reduce((sum, m) => sum + m.capacity, 0);
console.log(
  `Matching bench: ${menteeCount} mentees × ${mentorCount} mentors (${places} places), seed ${seed}`,
);

const [scored, scoring] = timed(() => scoreCohort(cohort));
let compatible = 0;
for (const s of scored.scores) if (s >= 0) compatible++;
const [seedPairs] = timed(() => greedyMentors(scored));
const [solved, optimiser] = timed(() =>
  optimalMentors(scored, { minScore: 0, candidates: 12, seed: seedPairs }),
);
const [greedy, greedyTime] = timed(() => greedyAssign(cohort));
const [total, totalTime] = timed(() => assign(cohort));
const [balanced, balancedTime] = timed(() => assign(cohort, { objective: "balanced" }));

const mentors = cohort.mentors.map((m) => m.profile);
const suggestionTimes: number[] = [];
for (let k = 0; k < 20; k++) {
  const person = mentors[k * 29]!;
  const [, time] = timed(() =>
    suggest(person, "mentor", cohort.mentees, cohort.rules, cohort.now, { limit: 10 }),
  );
  suggestionTimes.push(time);
}
clearInterval(memoryTimer);
sampleMemory();

const matched = (a: Assignment) => a.pairs.length;
const rows: [string, string][] = [
  [
    "Compatible pairs",
    `${compatible.toLocaleString("en-US")} of ${scored.scores.length.toLocaleString("en-US")}`,
  ],
  ["Scoring every pair", ms(scoring)],
  [
    "Optimiser alone (total)",
    `${ms(optimiser)}, ${solved.rounds} flow solve(s), ${solved.candidatePairs.toLocaleString("en-US")} candidate pairs`,
  ],
  ["assign, total objective (scoring included)", ms(totalTime)],
  ["assign, balanced objective (scoring included)", ms(balancedTime)],
  ["greedyAssign (scoring included)", ms(greedyTime)],
  [
    "Matched: total / balanced / greedy",
    `${matched(total)} / ${matched(balanced)} / ${matched(greedy)}`,
  ],
  [
    "Total score: total / balanced / greedy",
    `${total.total} / ${balanced.total} / ${greedy.total}`,
  ],
  ["Total ÷ greedy's total", `${(total.total / greedy.total).toFixed(4)}×`],
  [
    "Lowest pair: total / balanced / greedy",
    `${total.lowest} / ${balanced.lowest} / ${greedy.lowest}`,
  ],
  ["suggest, one mentor against 2,000 mentees (median of 20)", ms(median(suggestionTimes))],
  [
    "Peak heap above start / peak RSS",
    `${mb(peakHeap - baseHeap)} / ${mb(process.resourceUsage().maxRSS * 1024)}`,
  ],
];
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);

const date = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
const section = [
  "",
  `## Matching — ${date}`,
  "",
  `- Commit: ${gitCommit()}`,
  `- Node ${process.version}; ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}`,
  `- 1-minute load average at the end: ${loadavg()[0]?.toFixed(2)}`,
  `- ${menteeCount} mentees × ${mentorCount} mentors, ${places} open places, seed ${seed};` +
    " criteria interests 7, skills 5, seniority 4, languages 10 (a must), availability 5;" +
    " at least 4 shared waking hours",
  '- What each figure means: docs/matching.md, "Benchmark"',
  "",
  markdownTable(["Measure", "Value"], rows, [false, true]),
  "",
].join("\n");
appendFileSync(reportPath, section);
console.log(`\nAppended to ${reportPath}`);
