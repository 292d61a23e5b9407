/**
 * Celebrations: every achieved goal and completed milestone of a pair, which the pair may put
 * on its program's wall for the program's participants to congratulate.
 */
export { celebrationsRoutes, wallRoutes } from "./routes";
export { celebrationInsert } from "./store";
