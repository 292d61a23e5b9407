/**
 * When a match's evaluations are due, what counts as a valid answer, and what they add up to:
 * pure functions over plain data with the clock passed in, shared by the API and the sweep.
 */
export { evaluationAnswerProblems, maxEvaluationText } from "./answers";
export { exitSurvey, exitSurveyId } from "./exit-survey";
export {
  dueEvaluations,
  type EvaluationTemplate,
  evaluationDueAt,
  evaluationSchedule,
  plannedEndOf,
  type ScheduledEvaluation,
  type ScheduleMatch,
} from "./schedule";
export { netPromoterScore, type QuestionSummary, summarizeAnswers } from "./summary";
