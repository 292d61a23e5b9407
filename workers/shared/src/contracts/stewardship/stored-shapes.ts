/**
 * Shapes stored with coordinators' stewardship records, shared by the database schema and the
 * features' contracts (concerns.ts, support.ts, evaluations.ts, health.ts, closure.ts). No valibot.
 */

/** An evaluation's answers by question id: rating 1–5, NPS 0–10, or text. */
export type EvaluationAnswers = Record<string, number | string>;

export const healthLevels = ["healthy", "needs_attention", "at_risk"] as const;
export type HealthLevel = (typeof healthLevels)[number];

/** One reason behind a match's health, in words for coordinators and gentler ones for the pair. */
export interface HealthReason {
  code: string;
  /** For coordinators: "No meeting for 31 days; the program asks every 14." */
  text: string;
  /** For the pair, or null when the pair is not told: "It's been a while since you met." */
  gentle: string | null;
  /** How much it weighs: needs_attention or at_risk. */
  severity: Exclude<HealthLevel, "healthy">;
}

/** What a closure went through, recorded for audit. */
export interface ClosureChecklist {
  bothTold: boolean;
  exitSurveyOffered: boolean;
  procedureShown: boolean;
  contactPolicyShown: boolean;
}

/**
 * Why a coordinator opens a pair's confidential records (check-in answers, concerns,
 * evaluations): sent as the `Read-Reason` header, recorded with the read, shown to the pair.
 */
export const readReasons = {
  concern_follow_up: "Following up a concern",
  check_in_follow_up: "Following up a check-in",
  support_contact: "Preparing a support contact",
  evaluation_review: "Reviewing evaluations",
  closure: "Closing the match",
} as const;
export type ReadReason = keyof typeof readReasons;
