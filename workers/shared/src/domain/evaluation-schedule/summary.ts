import type { EvaluationAnswers } from "../../contracts/stewardship/stored-shapes";
import type { EvaluationTemplate } from "./schedule";

export interface QuestionSummary {
  id: string;
  label: string;
  kind: "rating" | "text" | "nps";
  /** How many answered it. */
  answered: number;
  /** Ratings: the mean, to one decimal; null for other kinds or with no answers. */
  average: number | null;
  /** NPS: % promoters (9–10) minus % detractors (0–6), a whole number; null otherwise. */
  nps: number | null;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The Net Promoter Score of 0–10 answers: null without any. */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((s) => s >= 9).length;
  const detractors = scores.filter((s) => s <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

/**
 * One evaluation's submitted answers, as aggregates only: how many answered each question,
 * the average rating, the NPS. Text answers are counted, never quoted.
 */
export function summarizeAnswers(
  template: EvaluationTemplate,
  responses: readonly EvaluationAnswers[],
): QuestionSummary[] {
  return template.questions.map((q) => {
    const given = responses
      .map((r) => (Object.hasOwn(r, q.id) ? r[q.id] : undefined))
      .filter((a) => a !== undefined && a !== "");
    const numbers = given.filter((a): a is number => typeof a === "number");
    return {
      id: q.id,
      label: q.label,
      kind: q.kind,
      answered: given.length,
      average:
        q.kind === "rating" && numbers.length
          ? oneDecimal(numbers.reduce((a, b) => a + b, 0) / numbers.length)
          : null,
      nps: q.kind === "nps" ? netPromoterScore(numbers) : null,
    };
  });
}
