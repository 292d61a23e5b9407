import * as v from "valibot";
import { choice, questionId, questionLabel, wholeNumber } from "./fields";
import { evaluationKinds, evaluationMoments, evaluationQuestionKinds } from "./vocab";

const evaluationQuestion = v.object({
  id: questionId("Evaluations"),
  label: questionLabel("Evaluations"),
  kind: choice("Evaluations: the answer kind", evaluationQuestionKinds),
});

export const evaluation = v.pipe(
  v.object({
    id: questionId("Evaluations"),
    kind: choice("Evaluations: the kind", evaluationKinds),
    at: choice("Evaluations: the moment", evaluationMoments),
    daysAfterEnd: v.optional(
      wholeNumber({
        name: "Evaluations: days after the end",
        min: 1,
        max: 365,
        low: "Evaluations: a follow-up must come at least 1 day after the end.",
        high: "Evaluations: a follow-up must come within 365 days of the end.",
      }),
    ),
    template: v.object({
      questions: v.pipe(
        v.array(evaluationQuestion, "Evaluations: questions must be a list."),
        v.minLength(1, "Evaluations: ask at least one question."),
        v.maxLength(20, "Evaluations: ask at most 20 questions."),
      ),
    }),
  }),
  v.forward(
    v.partialCheck(
      [["at"], ["daysAfterEnd"]],
      (e) => e.at === "after_end" || e.daysAfterEnd === undefined,
      "Evaluations: days after the end only apply to an evaluation held after the end.",
    ),
    ["daysAfterEnd"],
  ),
  v.forward(
    v.partialCheck(
      [["at"], ["daysAfterEnd"]],
      (e) => e.at !== "after_end" || e.daysAfterEnd !== undefined,
      "Evaluations: say how many days after the end this evaluation is sent.",
    ),
    ["daysAfterEnd"],
  ),
);
