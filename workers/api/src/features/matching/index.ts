/**
 * Matching, as a coordinator does it: suggestions for one person, the program's board, pins and
 * forbids, and whole-cohort runs proposed by the optimiser, edited by swaps and approved all or
 * nothing. Builds on the matches feature's cohort, pair check and activation.
 */
export { matchingRoutes } from "./routes";
