/** Training a program asks of its mentors and mentees before matching, and its completion. */
export { requiredOf, type TrainingProgress, trainingProgress } from "./progress";
export { trainingRoutes } from "./routes";
