/**
 * A match's health signal: healthy, needs attention or at risk, with its reasons. Computed by
 * the pure rules in domain/stewardship from the pair's meetings, check-ins, commitments,
 * agreement, concerns and coordinator contact; stored in match_health by reads and the sweep.
 */
export { type MatchFacts, type MatchScope, readHealthFacts } from "./facts";
export { type RefreshedHealth, refreshHealth, type StoredHealth } from "./refresh";
export { matchHealthRoutes, needsAttentionRoutes } from "./routes";
