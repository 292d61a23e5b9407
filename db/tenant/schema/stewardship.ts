import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type {
  ClosureChecklist,
  EvaluationAnswers,
  HealthReason,
} from "../../../workers/shared/src/contracts/stewardship/stored-shapes";
import { ms } from "./columns";

// Coordinators' care for their pairs: concerns, the support log, evaluations, each match's
// health and how it closed. Who reads what is the visibility table's business.

/** A safety or wellbeing concern: it reaches the program's coordinators, never the partner. */
export const concerns = sqliteTable(
  "concerns",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    programId: text("program_id").notNull(),
    raisedBy: text("raised_by").notNull(),
    urgency: text("urgency", { enum: ["low", "normal", "urgent"] }).notNull(),
    whatHappened: text("what_happened").notNull(),
    wantsContact: integer("wants_contact", { mode: "boolean" }).notNull(),
    status: text("status", { enum: ["open", "acknowledged", "resolved"] }).notNull(),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedAt: ms("acknowledged_at"),
    resolvedBy: text("resolved_by"),
    resolvedAt: ms("resolved_at"),
    /** What the member is told when it is resolved. */
    resolution: text("resolution"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    index("concerns_program").on(t.programId, t.status, t.createdAt),
    index("concerns_match").on(t.matchId),
  ],
);

/** Coordinators' handling notes on a concern: coordinators only. */
export const concernNotes = sqliteTable(
  "concern_notes",
  {
    id: text("id").primaryKey(),
    concernId: text("concern_id").notNull(),
    authorId: text("author_id").notNull(),
    text: text("text").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("concern_notes_concern").on(t.concernId, t.createdAt)],
);

/** A coordinator's contact with a pair, or with one of its people. */
export const supportContacts = sqliteTable(
  "support_contacts",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    programId: text("program_id").notNull(),
    coordinatorId: text("coordinator_id").notNull(),
    /** The person contacted; null for both. */
    memberId: text("member_id"),
    channel: text("channel", { enum: ["meeting", "call", "video", "email", "message"] }).notNull(),
    /** The calendar day of the contact (YYYY-MM-DD). */
    contactedOn: text("contacted_on").notNull(),
    note: text("note").notNull().default(""),
    followUp: text("follow_up"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("support_contacts_match").on(t.matchId, t.contactedOn)],
);

/** One person's answers to one evaluation of a match: a draft until submitted, then fixed. */
export const evaluationResponses = sqliteTable(
  "evaluation_responses",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    programId: text("program_id").notNull(),
    /** The evaluation's id in the program's rules, e.g. "midpoint_check", or "exit_survey". */
    evaluationId: text("evaluation_id").notNull(),
    memberId: text("member_id").notNull(),
    /** The program rules version whose template was answered. */
    rulesVersion: integer("rules_version").notNull(),
    answers: text("answers", { mode: "json" }).$type<EvaluationAnswers>().notNull(),
    status: text("status", { enum: ["draft", "submitted"] }).notNull(),
    submittedAt: ms("submitted_at"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("evaluation_responses_once").on(t.matchId, t.evaluationId, t.memberId),
    index("evaluation_responses_program").on(t.programId, t.evaluationId),
  ],
);

/** Each match's latest health signal with its reasons; recomputed on events and each sweep. */
export const matchHealth = sqliteTable(
  "match_health",
  {
    matchId: text("match_id").primaryKey(),
    programId: text("program_id").notNull(),
    level: text("level", { enum: ["healthy", "needs_attention", "at_risk"] }).notNull(),
    reasons: text("reasons", { mode: "json" }).$type<HealthReason[]>().notNull(),
    computedAt: ms("computed_at").notNull(),
  },
  (t) => [index("match_health_program").on(t.programId, t.level)],
);

/** How a match ended: planned or not, why, who began it, and the closure checklist. */
export const matchClosures = sqliteTable("match_closures", {
  matchId: text("match_id").primaryKey(),
  kind: text("kind", { enum: ["planned", "unplanned"] }).notNull(),
  reasonCode: text("reason_code").notNull(),
  reasonText: text("reason_text").notNull().default(""),
  initiatedBy: text("initiated_by").notNull(),
  checklist: text("checklist", { mode: "json" }).$type<ClosureChecklist>().notNull(),
  startedAt: ms("started_at").notNull(),
  closedAt: ms("closed_at"),
});

/** A coordinator's read of a pair's confidential records, and why: members see these. */
export const pairReads = sqliteTable(
  "pair_reads",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    readerId: text("reader_id").notNull(),
    /** What was read: check-in answers, concerns, evaluations. */
    kind: text("kind").notNull(),
    reason: text("reason").notNull(),
    at: ms("at").notNull(),
  },
  (t) => [index("pair_reads_match").on(t.matchId, t.at)],
);

/** Admins who coordinate a program; when a program has any, only they read its pairs. */
export const programCoordinators = sqliteTable(
  "program_coordinators",
  {
    programId: text("program_id").notNull(),
    memberId: text("member_id").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.memberId] })],
);
