/**
 * Mentees choose: suggestions for a mentee, their ordered choices, requests to one mentor at
 * a time (accepted, declined or lapsing to the next choice), and the coordinator's stable
 * resolution of everyone's choices at once.
 */
export { matchRequestsRoutes, myMatchRequestsRoutes } from "./routes";
