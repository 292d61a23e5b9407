import type { FieldError } from "../../../../shared/src/contracts/common/errors";
import type { CheckInAnswers } from "../../../../shared/src/contracts/relationship/stored-shapes";
import type { ProgramRules } from "../../../../shared/src/domain/program-rules";

type Question = ProgramRules["checkIns"]["questions"][number];

/**
 * What is wrong with a set of answers for the program's questions, one entry per answer:
 * ratings are whole numbers 1–5, yes/no questions take true or false, text is optional and
 * ratings and yes/no questions must all be answered.
 */
export function answerProblems(questions: readonly Question[], answers: CheckInAnswers) {
  const problems: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) {
      problems.push({ field: `answers.${id}`, message: `This check-in asks no question "${id}".` });
    }
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    // Own keys only: a question id such as "constructor" must not read Object's prototype.
    const answer = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (answer === undefined) {
      if (q.kind !== "text") problems.push({ field, message: `Answer "${q.label}"` });
    } else if (q.kind === "rating") {
      if (typeof answer !== "number" || !Number.isInteger(answer) || answer < 1 || answer > 5) {
        problems.push({ field, message: `"${q.label}" takes a rating from 1 to 5.` });
      }
    } else if (q.kind === "yes_no") {
      if (typeof answer !== "boolean") {
        problems.push({ field, message: `"${q.label}" takes yes or no (true or false).` });
      }
    } else if (typeof answer !== "string") {
      problems.push({ field, message: `"${q.label}" takes a written answer.` });
    }
  }
  return problems;
}

/**
 * Whether these answers ask a coordinator to get in touch: a yes to any yes/no question
 * whose id speaks of a coordinator ("want_coordinator" in the default questions).
 */
export function asksForCoordinator(questions: readonly Question[], answers: CheckInAnswers) {
  return questions.some(
    (q) => q.kind === "yes_no" && q.id.includes("coordinator") && answers[q.id] === true,
  );
}

/** Who answers a program's check-ins. */
export function answerers(by: ProgramRules["checkIns"]["answeredBy"]): ("mentor" | "mentee")[] {
  return by === "both" ? ["mentor", "mentee"] : [by];
}

/** The lowest rating a check-in question takes: an answer there raises a coordinator task. */
export const bottomRating = 1;

/** The rating questions answered at the bottom of the scale, by label. */
export function bottomRatings(questions: readonly Question[], answers: CheckInAnswers): string[] {
  return questions
    .filter((q) => q.kind === "rating" && Object.hasOwn(answers, q.id))
    .filter((q) => answers[q.id] === bottomRating)
    .map((q) => q.label);
}
