import type { ConfidentialKind } from "../../../../workers/shared/src/contracts/stewardship/pair-reads";
import type { HealthLevel } from "../../../../workers/shared/src/contracts/stewardship/stored-shapes";
import type { Channel, ConcernStatus, Urgency } from "./shapes";

export const urgencyWords: Record<Urgency, string> = {
  low: "It can wait a few days",
  normal: "Please look at it soon",
  urgent: "Urgent",
};

export const concernStatusWords: Record<ConcernStatus, string> = {
  open: "Raised, not yet read",
  acknowledged: "A coordinator is on it",
  resolved: "Resolved",
};

export const healthWords: Record<HealthLevel, string> = {
  healthy: "Going well",
  needs_attention: "Needs attention",
  at_risk: "At risk",
};

export const channelWords: Record<Channel, string> = {
  meeting: "In person",
  call: "Phone call",
  video: "Video call",
  email: "Email",
  message: "Message",
};

/** What a coordinator read, in the pair's words. */
export const readKindWords: Record<ConfidentialKind, string> = {
  check_in_answers: "check-in answers",
  concerns: "concerns",
  evaluations: "evaluations",
};

/** "midpoint_check" → "Midpoint check": the rules name evaluations and questions by id. */
export const idWords = (id: string) =>
  id.charAt(0).toUpperCase() + id.slice(1).replaceAll("_", " ");
