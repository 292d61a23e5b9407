/**
 * Check-ins: the short questions each person of a pair answers every few weeks, their
 * periods created as they come due, answers seen by their author and coordinators only, and
 * the coordinator tasks a request for contact opens.
 */
export { ensureDueCheckIns } from "./due";
export { checkInsRoutes, coordinatorTasksRoutes, myCheckInsRoutes } from "./routes";
