/** Applying to a program, the coordinator's review, bulk enrollment and withdrawal. */
export { enrollmentsRoutes, myEnrollmentsRoutes } from "./routes";
export { eligibleForMatching } from "./views";
