import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

// axe-core's own bundle, injected into each page as a script: read once per test file.
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

/** The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA: what the client promises to meet. */
const wcagAA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

interface AxeResult {
  violations: {
    id: string;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe-core on the page as it stands and returns every WCAG 2.2 AA violation as one
 * readable line per offending element ("rule: help → selector"), so a failing test says
 * what to fix without opening a report.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a <script>, so the page's Content-Security-Policy stays as served.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
        runOnly: { type: "tag", values: tags },
        // Not a WCAG rule of its own, but a skipped level misleads anyone navigating by headings.
        rules: { "heading-order": { enabled: true } },
        resultTypes: ["violations"],
      }),
    wcagAA,
  )) as AxeResult;
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id}: ${v.help} → ${n.target.join(" ")}`),
  );
}
