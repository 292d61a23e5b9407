/**
 * A pair's meetings: scheduled on each person's own clock, moved, cancelled, logged as held,
 * with notes the pair shares and notes each keeps for themselves. The scheduler marks the
 * ones nobody logged as missed; the calendar feature publishes them.
 */

export { meetingsRoutes } from "./routes";
export { countsTowardCadence } from "./views";
