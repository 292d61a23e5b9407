import type { FieldError } from "../../contracts/common/errors";
import type { EvaluationAnswers } from "../../contracts/stewardship/stored-shapes";
import type { EvaluationTemplate } from "./schedule";

export const maxEvaluationText = 4000;

/**
 * What is wrong with answers to an evaluation, one entry per answer: ratings are whole
 * numbers 1–5, NPS 0–10, text at most 4000 characters. A draft may leave questions open;
 * a submission must answer every rating and NPS question (text stays optional).
 */
export function evaluationAnswerProblems(
  template: EvaluationTemplate,
  answers: EvaluationAnswers,
  submitting: boolean,
): FieldError[] {
  const problems: FieldError[] = [];
  const byId = new Map(template.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) {
      problems.push({
        field: `answers.${id}`,
        message: `This evaluation asks no question "${id}".`,
      });
    }
  }
  for (const q of template.questions) {
    const field = `answers.${q.id}`;
    const answer = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (answer === undefined) {
      if (submitting && q.kind !== "text") {
        problems.push({ field, message: `Answer "${q.label}" before you submit.` });
      }
    } else if (q.kind === "text") {
      if (typeof answer !== "string") {
        problems.push({ field, message: `"${q.label}" takes a written answer.` });
      } else if (answer.length > maxEvaluationText) {
        problems.push({
          field,
          message: `"${q.label}" can be at most ${maxEvaluationText} characters.`,
        });
      }
    } else {
      const [low, high] = q.kind === "nps" ? [0, 10] : [1, 5];
      if (
        typeof answer !== "number" ||
        !Number.isInteger(answer) ||
        answer < low ||
        answer > high
      ) {
        problems.push({
          field,
          message: `"${q.label}" takes a whole number from ${low} to ${high}.`,
        });
      }
    }
  }
  return problems;
}
