import type { EvaluationTemplate } from "./schedule";

/**
 * The exit survey each person answers when their match closes, if the program asks one.
 * Fixed, so every program's closures can be compared.
 */
export const exitSurveyId = "exit_survey";

export const exitSurvey = {
  id: exitSurveyId,
  kind: "exit",
  questions: [
    {
      id: "how_it_went",
      label: "Overall, how did your mentoring relationship go?",
      kind: "rating",
    },
    {
      id: "take_away",
      label: "What will you take away from it?",
      kind: "text",
    },
    {
      id: "again",
      label: "How keen are you to mentor, or be mentored, again?",
      kind: "rating",
    },
  ],
} as const satisfies EvaluationTemplate;
