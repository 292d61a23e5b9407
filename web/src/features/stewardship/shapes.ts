// The stewardship API's contracts, as these screens use them.

export type {
  CloseInput,
  ClosureReason,
} from "../../../../workers/shared/src/contracts/stewardship/closure";
export { closureReasons } from "../../../../workers/shared/src/contracts/stewardship/closure";
export type {
  ConcernList,
  ConcernStatus,
  ConcernSummary,
  ConcernUrgency as Urgency,
  ConcernView,
} from "../../../../workers/shared/src/contracts/stewardship/concerns";
export { concernUrgencies as urgencies } from "../../../../workers/shared/src/contracts/stewardship/concerns";
export type {
  DueEvaluationView,
  EvaluationResponseView,
  MatchEvaluations,
  MyEvaluations,
} from "../../../../workers/shared/src/contracts/stewardship/evaluations";
export type {
  HealthView,
  NeedsAttentionItem,
} from "../../../../workers/shared/src/contracts/stewardship/health-signal";
export type { PairReadView } from "../../../../workers/shared/src/contracts/stewardship/pair-reads";
export type {
  OverduePair,
  SupportChannel as Channel,
  SupportLog,
} from "../../../../workers/shared/src/contracts/stewardship/support";
export { supportChannels as channels } from "../../../../workers/shared/src/contracts/stewardship/support";
