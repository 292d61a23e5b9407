/**
 * Shapes stored with a pair's records, shared by the database schema and the features'
 * contracts (agreements.ts, meetings.ts, check-ins.ts, feedback.ts). No valibot here.
 */

/** The agreement's sections each person fills in for themselves. */
export const agreementEntryKeys = [
  "goals",
  "timeCommitment",
  "meetingFrequency",
  "communication",
  "boundaries",
] as const;
export type AgreementEntryKey = (typeof agreementEntryKeys)[number];
export type AgreementEntries = Record<AgreementEntryKey, { mentor: string; mentee: string }>;

/** A check-in's answers by question id: a rating 1–5, yes/no, or text. */
export type CheckInAnswers = Record<string, number | boolean | string>;

/** The two relationship questions asked in every feedback. */
export const feedbackQuestions = {
  workingWell: "What's working well for you?",
  support: "How can I better support you?",
} as const;
export type FeedbackAnswers = Record<keyof typeof feedbackQuestions, string>;

/** Who is looking at a pair's record, relative to it. */
export const pairViewers = ["author", "partner", "coordinator", "integration", "member"] as const;
export type PairViewer = (typeof pairViewers)[number];
