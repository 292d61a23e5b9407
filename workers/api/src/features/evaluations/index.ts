/**
 * Evaluations of a match: due on the program's schedule (and the exit survey when it closes),
 * answered by each of the pair as a draft until submitted, summed up for coordinators.
 */
export { evaluationSummaryRoutes, evaluationsRoutes, myEvaluationsRoutes } from "./routes";
