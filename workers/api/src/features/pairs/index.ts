/**
 * A pair's relationship: which match a request acts on and the caller's seat in it (one of
 * its two people, a coordinator, an integration), and what that seat may read of each kind
 * of record (security/visibility.ts). The relationship features build on it.
 */
export {
  accessOf,
  openPair,
  type Pair,
  type PairSeat,
  partnerOf,
  requireActive,
  requirePairMember,
} from "./open";
export { type ConfidentialKind, readReasonOf, recordPairRead } from "./reads";
export { pairReadsRoutes } from "./routes";
