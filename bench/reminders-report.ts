/** The reminders bench's figures, printed and appended to docs/benchmarks.md. */
import { appendFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { gitCommit, markdownTable } from "./lib";
import type { EdgeSweeps } from "./reminders-edge";
import { reportPath } from "./report";

export interface Measure {
  tenants: number;
  matches: number;
  setup: number;
  /** Seconds a seeded tenant's first-ever full sweep took (all its history due at once). */
  catchUp: number;
  /** Reminders (rows) such a first sweep wrote, per tenant. */
  catchUpReminders: number;
  /** Tenants with a schedule row after the run: every one swept. */
  swept: number;
  /** Seconds to open every tenant's database and run one indexed query. */
  baseline: number;
  full: number;
  /** Seconds to work out every pair's health at once (each full sweep renews a sixth). */
  health: number;
  reminders: number;
  emails: number;
  partial: number;
  nextTickDue: number;
  /** Of those, full sweeps whose hourly slot falls in the next five minutes. */
  nextTickFull: number;
  day: { full: number; partial: number; ticks: number; sample: number };
  edge: EdgeSweeps | null;
}

/** Cloudflare Queues, as assumed here: $0.40 per million operations, 3 per message. */
const dollarsPerMillionOps = 0.4;
const opsPerMessage = 3;
const fleet = 10_000;

const s = (n: number) => `${n.toFixed(2)} s`;
const x = (n: number) => `${n.toFixed(2)}×`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const dollars = (n: number) => `$${n.toFixed(2)}`;

function costRows(m: Measure): [string, string][] {
  const before = fleet * 288;
  const perTenant = (m.day.full + m.day.partial) / m.day.sample;
  const after = fleet * perTenant;
  const cost = (messages: number) => (messages * opsPerMessage * dollarsPerMillionOps) / 1e6;
  return [
    ["Queue messages/day at 10,000 tenants, before (every tenant every 5 min)", int(before)],
    [
      "Queue messages/day at 10,000 tenants, after (observed per tenant × 10,000)",
      `${int(after)} (${perTenant.toFixed(1)} per tenant: ${(m.day.full / m.day.sample).toFixed(1)} full + ${(m.day.partial / m.day.sample).toFixed(1)} due-driven)`,
    ],
    [
      "Ticks on which a tenant was due (partial sweeps ÷ ticks)",
      `${((100 * m.day.partial) / (m.day.sample * m.day.ticks)).toFixed(1)} %`,
    ],
    [
      "Queues cost/day (30 days), before",
      `${dollars(cost(before))} (${dollars(30 * cost(before))})`,
    ],
    ["Queues cost/day (30 days), after", `${dollars(cost(after))} (${dollars(30 * cost(after))})`],
  ];
}

/**
 * What one tick costs once full sweeps have spread over the hour: a twelfth of the tenants
 * swept fully, plus the partial sweeps observed per tick, at the per-tenant times measured.
 */
function tickEstimate(m: Measure): number {
  const partialPerTick = (m.day.partial / m.day.sample / m.day.ticks) * m.tenants;
  return (m.tenants / 12) * (m.full / m.tenants) + partialPerTick * (m.partial / m.tenants);
}

export function appendRemindersReport(m: Measure): void {
  const rows: [string, string][] = [
    ["Set-up (10 seeded tenants, the rest file copies)", s(m.setup)],
    [
      "A tenant's first-ever sweep, all its history due at once (mean of 10)",
      `${s(m.catchUp)}: ${int(m.catchUpReminders)} reminders, ${int(m.catchUpReminders / m.catchUp)}/s`,
    ],
    ["Baseline: open every tenant DB + one indexed query", s(m.baseline)],
    ["Full sweep of every tenant (cold connections)", s(m.full)],
    ["Health of every pair worked out at once (a full sweep renews a sixth of it)", s(m.health)],
    [
      "New reminders (rows) written by the full sweep / per second",
      `${int(m.reminders)} / ${int(m.reminders / m.full)}`,
    ],
    ["Emails delivered by the full sweep (to a no-op transport)", int(m.emails)],
    ["Matches evaluated per second (full sweep)", int(m.matches / m.full)],
    ["Partial sweep of every tenant, nothing due (warm)", s(m.partial)],
    [
      "One steady tick's sweeps, estimated (its full and partial sweeps at the rates above)",
      s(tickEstimate(m)),
    ],
    [
      "Tenants the next tick (5 min on) enqueues",
      `${m.nextTickDue} of ${int(m.tenants)} (${m.nextTickFull} for their hourly full sweep)`,
    ],
    ["Tenants with a schedule row (swept) at the end", `${int(m.swept)} of ${int(m.tenants)}`],
  ];
  const ratios: [string, string][] = [
    ["Full sweep ÷ baseline", x(m.full / m.baseline)],
    ["Partial (nothing due) ÷ full sweep", `${((100 * m.partial) / m.full).toFixed(1)} %`],
    ["Partial (nothing due) ÷ baseline", x(m.partial / m.baseline)],
  ];
  const edge: [string, string][] = m.edge
    ? [
        [
          "workerd CPU per first-ever tenant sweep (catching up)",
          `${m.edge.firstMs.toFixed(0)} ms`,
        ],
        ["workerd CPU per full tenant sweep (100 pairs)", `${m.edge.fullMs.toFixed(0)} ms`],
        ["workerd CPU per partial tenant sweep, nothing due", `${m.edge.partialMs.toFixed(0)} ms`],
        ["workerd CPU per tick's fan-out (scheduled())", `${m.edge.fanOutMs.toFixed(0)} ms`],
      ]
    : [];
  const costs = costRows(m);
  const width = Math.max(...[...rows, ...ratios, ...edge, ...costs].map(([n]) => n.length));
  for (const [name, value] of [...rows, ...ratios, ...edge, ...costs]) {
    console.log(`${name.padEnd(width)}  ${value}`);
  }
  const date = `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const section = [
    "",
    `## Reminders — ${date}`,
    "",
    `- Commit: ${gitCommit()}`,
    `- Node ${process.version}; ${availableParallelism()} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}`,
    `- 1-minute load average at the end: ${loadavg()[0]?.toFixed(2)}`,
    `- ${int(m.tenants)} tenant databases × 100 active pairs (${int(m.matches)} matches); a day ` +
      `simulated for ${m.day.sample} of them (${m.day.ticks} ticks)`,
    "- What each figure means: the Reminders section above",
    "",
    markdownTable(["Measure", "Value"], rows, [false, true]),
    "",
    markdownTable(["Ratio", "Value"], ratios, [false, true]),
    "",
    ...(edge.length > 0
      ? [markdownTable(["workerd (miniflare)", "Value"], edge, [false, true]), ""]
      : []),
    markdownTable(["Queue messages and cost", "Value"], costs, [false, true]),
    "",
  ].join("\n");
  appendFileSync(reportPath, section);
  console.log(`\nAppended to ${reportPath}`);
}
