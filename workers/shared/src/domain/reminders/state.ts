import type { CalendarDay } from "../check-in-periods";
import type { ProgramRules } from "../program-rules";

/** The parts of a program's rules reminders are decided from. */
export type ReminderRules = Pick<
  ProgramRules,
  "meetings" | "checkIns" | "goals" | "agreement" | "reminders" | "training"
>;

/** Someone who receives reminders, on their own clock. */
export interface Person {
  id: string;
  /** IANA name, e.g. "Europe/Berlin"; one this runtime does not know reads as UTC. */
  timeZone: string;
}

/** A match as the reminders see it: plain facts read by the caller. */
export interface MatchSnapshot {
  id: string;
  activatedAt: Date;
  mentor: Person;
  mentee: Person;
  /** When the latest meeting held took place, or null before the first. */
  lastHeldMeetingAt: Date | null;
  /** When the next scheduled meeting starts, or null when none is scheduled. */
  nextMeetingAt: Date | null;
  /** Who has answered each check-in (by period); periods nobody answered may be left out. */
  checkInAnswers: readonly { period: number; answeredBy: readonly string[] }[];
  agreement: { settled: boolean; pendingSince: Date | null };
  goals: readonly { id: string; nextReviewOn: CalendarDay | null }[];
  commitments: readonly { id: string; ownerId: string; dueOn: CalendarDay; done: boolean }[];
  /** The day a coordinator should next contact the pair, or null when no contact is planned. */
  contactDueOn: CalendarDay | null;
  /**
   * The evaluations open to the pair (those whose moment has come or is coming), with who has
   * submitted each. Left out by a caller that does not read them: no evaluation reminders then.
   */
  evaluations?: readonly MatchEvaluation[];
  /**
   * The latest thing either of the pair did in the match (a meeting planned or logged, a
   * check-in answered, a commitment, goal, agreement or feedback), or null when nothing yet.
   * Left out by a caller that does not read it: no inactivity reminders then.
   */
  lastActivityAt?: Date | null;
}

/** One evaluation of a match: from when it can be answered, and who submitted it. */
export interface MatchEvaluation {
  /** The evaluation's id in the program's rules, e.g. "midpoint_check". */
  id: string;
  kind: "relationship" | "program" | "exit";
  opensAt: Date;
  submittedBy: readonly string[];
}

/** An approved member of a program who still has required training to do. */
export interface Trainee {
  enrollmentId: string;
  person: Person;
  approvedAt: Date;
  /** In a match of the program already (proposed, active…): then they are not reminded. */
  matched: boolean;
  trainingLeft: number;
}

/** A pair the health signal says needs attention, as the coordinators' digest lists it. */
export interface PairAttention {
  matchId: string;
  mentorName: string;
  menteeName: string;
  level: "needs_attention" | "at_risk";
  /** The health signal's reasons, in a coordinator's words. */
  reasons: readonly string[];
}

/** What a program's own reminders look at: its trainees and, for the digest, its pairs. */
export interface ProgramSnapshot {
  id: string;
  trainees: readonly Trainee[];
  /** Each coordinator gets their own digest, on their own clock. */
  coordinators: readonly Person[];
  pairsNeedingAttention: readonly PairAttention[];
}

/** A mentee's request waiting for a mentor's answer: a member-level reminder. */
export interface PendingRequest {
  id: string;
  mentor: Person;
  expiresAt: Date;
}

/** Everything one evaluation looks at: one match, or one member's pending request, or both. */
export interface ReminderState {
  rules: ReminderRules;
  /** The clock coordinators' reminders and escalations are timed on. */
  coordinatorTimeZone: string;
  match: MatchSnapshot | null;
  mentorRequest: PendingRequest | null;
  /** A program's trainees and its coordinators' digest; left out when the caller asks of a match. */
  program?: ProgramSnapshot | null;
}

export const reminderRules = [
  "check_in_due",
  "check_in_overdue",
  "meeting_soon",
  "no_meeting_within_cadence",
  "agreement_pending",
  "goal_review_due",
  "commitment_due",
  "request_expiring",
  "contact_due",
  "evaluation_due",
  "inactivity",
  "training_pending",
  "coordinator_digest",
  "escalation",
] as const;
export type ReminderRule = (typeof reminderRules)[number];

/** Who a reminder goes to: a member's id, or the program's coordinators. */
export type RecipientId = string | "coordinators";

export interface Reminder {
  rule: ReminderRule;
  recipientId: RecipientId;
  /** What it is about: a match, goal, commitment, request, enrollment or program id. */
  subjectId: string;
  /** Which occurrence: a check-in's number, a meeting's start, a due day, an ISO week. */
  period: string;
  /** `${rule}:${subjectId}:${recipientId}:${period}`: the same occurrence always has it. */
  key: string;
  /** When to send: never inside the recipient's quiet hours. */
  sendAt: Date;
  text: string;
}
