/** Training a program asks of its mentors and mentees before matching, and its completion. */
export { requiredOf, trainingProgress } from "./progress";
export { trainingRoutes } from "./routes";
