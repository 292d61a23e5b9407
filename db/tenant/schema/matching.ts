import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type {
  MatchingMode,
  MatchObjective,
  MatchReason,
  MatchRunStatus,
  MatchStatus,
  UnmatchedPerson,
} from "../../../workers/shared/src/contracts/matches";

/**
 * A match: the relationship between the people in it. Who they are is in match_participants,
 * not in columns, so a circle of several mentees can be a match too; the score and its reasons
 * are kept as they were when the match was made.
 */
export const matches = sqliteTable(
  "matches",
  {
    id: text("id").primaryKey(),
    programId: text("program_id").notNull(),
    status: text("status").$type<MatchStatus>().notNull(),
    mode: text("mode").$type<MatchingMode>().notNull(),
    score: integer("score"),
    reasons: text("reasons", { mode: "json" }).$type<MatchReason[]>().notNull(),
    /** The member or API client that proposed, requested or made the match. */
    madeBy: text("made_by"),
    /** The assignment run that proposed it, if one did. */
    runId: text("run_id"),
    /** For a mentee's request: which of their choices it is (1 = first). */
    choiceRank: integer("choice_rank"),
    /** For a request awaiting the mentor: when it lapses. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    activatedAt: integer("activated_at", { mode: "timestamp_ms" }),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endReason: text("end_reason"),
    /**
     * For an active match: when its next reminder falls due, as the scheduler's sweep last
     * worked it out (null: not yet worked out, so the next sweep looks). Written by the sweep only.
     */
    nextReminderAt: integer("next_reminder_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("matches_program_status").on(t.programId, t.status),
    index("matches_reminders").on(t.status, t.nextReminderAt),
    index("matches_run").on(t.runId),
    index("matches_expiry").on(t.status, t.expiresAt),
  ],
);

/** The people in a match and their role in it. */
export const matchParticipants = sqliteTable(
  "match_participants",
  {
    matchId: text("match_id").notNull(),
    memberId: text("member_id").notNull(),
    role: text("role", { enum: ["mentor", "mentee"] }).notNull(),
    /** Copied from the match so capacity checks read one index. */
    programId: text("program_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.matchId, t.memberId] }),
    index("match_participants_member").on(t.programId, t.memberId, t.role),
  ],
);

/** A coordinator's word on a pair before a run: always match them, or never. */
export const matchPins = sqliteTable(
  "match_pins",
  {
    programId: text("program_id").notNull(),
    mentorId: text("mentor_id").notNull(),
    menteeId: text("mentee_id").notNull(),
    kind: text("kind", { enum: ["pin", "forbid"] }).notNull(),
    createdBy: text("created_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.mentorId, t.menteeId] })],
);

/** One whole-cohort assignment: its proposals are the matches with its run id. */
export const matchRuns = sqliteTable(
  "match_runs",
  {
    id: text("id").primaryKey(),
    programId: text("program_id").notNull(),
    objective: text("objective").$type<MatchObjective>().notNull(),
    status: text("status").$type<MatchRunStatus>().notNull(),
    total: integer("total").notNull(),
    lowest: integer("lowest"),
    unmatched: text("unmatched", { mode: "json" }).$type<UnmatchedPerson[]>().notNull(),
    createdBy: text("created_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("match_runs_program").on(t.programId, t.createdAt)],
);

/** A mentee's requested mentors, in order of preference; requests go out one at a time. */
export const matchChoices = sqliteTable(
  "match_choices",
  {
    programId: text("program_id").notNull(),
    menteeId: text("mentee_id").notNull(),
    rank: integer("rank").notNull(),
    mentorId: text("mentor_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.menteeId, t.rank] }),
    uniqueIndex("match_choices_mentor").on(t.programId, t.menteeId, t.mentorId),
  ],
);
