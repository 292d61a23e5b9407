/**
 * A pair's goals: set with their milestones, moved along, reviewed as often as the program
 * asks, achieved (and celebrated) or dropped with a reason.
 */
export { goalsRoutes } from "./routes";
