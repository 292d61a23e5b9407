import type {
  MatchObjective,
  MatchStatus,
  MatchView,
} from "../../../../workers/shared/src/contracts/matches";
import { programApi } from "../programs/common";

// Words and paths the matching screens share, for coordinators and members alike.

export const matchStatusLabel: Record<MatchStatus, string> = {
  proposed: "Proposed",
  pending_acceptance: "Waiting for the mentor",
  active: "Active",
  closing: "Wrapping up",
  declined: "Declined",
  expired: "Expired",
  closed: "Ended",
};

/** Existing badge colours: green for active, blue for waiting, grey for over. */
export const matchBadgeClass: Record<MatchStatus, string> = {
  proposed: "badge badge-invited",
  pending_acceptance: "badge badge-invited",
  active: "badge badge-active",
  closing: "badge badge-active",
  declined: "badge badge-revoked",
  expired: "badge badge-revoked",
  closed: "badge badge-revoked",
};

export const objectiveLabel: Record<MatchObjective, string> = {
  total: "Best total",
  balanced: "Balanced",
  stable: "Mentees' choices (stable)",
};

/** Scores are sums of weighted points; one decimal at most reads well. */
export const formatScore = (score: number | null) =>
  score === null ? "—" : String(Math.round(score * 10) / 10);

/** "+6", "−3", "±0": how far one criterion moved the score from the neutral 50. */
export const formatPoints = (points: number) =>
  points > 0 ? `+${formatScore(points)}` : points < 0 ? `−${formatScore(-points)}` : "±0";

/** Said once on each page that shows scores. */
export const scoreScale =
  "Scores run from 0 to 100, 50 being neutral; each line of an explanation shows how far one criterion moved it.";

export const mentorOf = (match: MatchView) => match.participants.find((p) => p.role === "mentor");
export const menteeOf = (match: MatchView) => match.participants.find((p) => p.role === "mentee");

/** "Ada Mentor and Ben Mentee". */
export const pairName = (match: MatchView) =>
  `${mentorOf(match)?.displayName ?? "?"} and ${menteeOf(match)?.displayName ?? "?"}`;

export const matchingApi = (programId: string, rest = "") =>
  programApi(programId, `/matching${rest}`);
