/** Feedback between the two people of a pair, and what coordinators may see of it. */
export { feedbackRoutes } from "./routes";
