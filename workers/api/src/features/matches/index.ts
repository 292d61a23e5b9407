/**
 * Matches: the core record of who mentors whom, in which program, and how it came to be.
 * Other matching features build on its cohort, pair check and capacity-checked activation.
 */
export { type Activation, activateInTx } from "./activation";
export { type Cohort, type CohortMentor, loadCohort } from "./cohort";
export { assertMatchingOn, checkPair, type ScoredPair } from "./pair-check";
export { findMatch, pairOf } from "./records";
export { matchesRoutes, myMatchesRoutes } from "./routes";
export { activeCounts, holdingStatuses, insertMatch, madeByOf, newMatchId } from "./store";
export { displayNames, type Match, matchViews } from "./views";
