/**
 * A pair's timeline: agreement, meetings, commitments, check-ins, goals, celebrations and
 * feedback as one history, each record as far as the viewer may see it, and what to do next.
 */
export { timelineRoutes } from "./routes";
