import type {
  EvaluationAnswers,
  HealthLevel,
  HealthReason,
} from "../../../../workers/shared/src/contracts/stewardship";

// The stewardship API's answers as these screens read them. The API's own valibot contracts
// (contracts/concerns.ts, support.ts, health-signal.ts, evaluations.ts, closure.ts,
// pair-reads.ts) replace these names one for one once they are on main.

export type {
  ConcernList,
  ConcernStatus,
  ConcernUrgency as Urgency,
  ConcernView,
} from "../../../../workers/shared/src/contracts/concerns";
export { concernUrgencies as urgencies } from "../../../../workers/shared/src/contracts/concerns";

export const channels = ["meeting", "call", "video", "email", "message"] as const;
export type Channel = (typeof channels)[number];

export interface SupportContact {
  id: string;
  contactedOn: string;
  channel: Channel;
  memberId: string | null;
  note: string;
  followUp: string | null;
  coordinatorId?: string;
  coordinatorName?: string;
}

export interface SupportLog {
  items: SupportContact[];
  nextDueOn?: string | null;
}

export interface Health {
  level: HealthLevel;
  reasons: (HealthReason | { text: string; code?: string })[];
  computedAt?: string;
}

export interface NeedsAttentionRow {
  matchId: string;
  level: HealthLevel;
  reasons: { text: string; code?: string }[];
  mentor?: { memberId: string; displayName: string };
  mentee?: { memberId: string; displayName: string };
  participants?: { memberId: string; displayName: string; role: "mentor" | "mentee" }[];
}

export interface OverdueRow {
  matchId: string;
  daysOverdue: number;
  lastContactOn: string | null;
  dueOn?: string;
  participants?: { memberId: string; displayName: string; role: "mentor" | "mentee" }[];
}

export type EvaluationQuestion = { id: string; label: string; kind: "rating" | "text" | "nps" };

export interface EvaluationDue {
  evaluationId: string;
  matchId: string;
  title?: string;
  kind?: "relationship" | "program" | "exit";
  dueOn?: string;
  questions: EvaluationQuestion[];
  answers?: EvaluationAnswers;
  status?: "not_started" | "draft" | "submitted";
}

export interface EvaluationResponse {
  evaluationId: string;
  memberId: string;
  status: "draft" | "submitted";
  answers?: EvaluationAnswers;
  submittedAt?: string | null;
}

export const closeReasons = {
  goals_reached: "We reached our goals",
  schedule: "Our schedules don't fit any more",
  not_a_fit: "It isn't a good fit",
  left_program: "I am leaving the program",
  safety: "I don't feel safe",
  other: "Something else",
} as const;
export type CloseReason = keyof typeof closeReasons;

export interface PairReadRow {
  id?: string;
  readerId?: string;
  readerName: string;
  kind: string;
  reason: string;
  at: string;
}

/** Lists arrive as `{ items }`, some paged; a few older shapes answer with a bare array. */
export const itemsOf = <T>(answer: { items: T[] } | T[]): T[] =>
  Array.isArray(answer) ? answer : answer.items;
