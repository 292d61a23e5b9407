import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type {
  AgreementEntries,
  CheckInAnswers,
  FeedbackAnswers,
} from "../../../workers/shared/src/contracts/relationship/stored-shapes";
import { ms } from "./columns";

// The daily life of a pair: its agreement, meetings, commitments, check-ins, goals and
// feedback. Every row names its match; who may read it is the visibility table's business
// (workers/shared/src/security/visibility.ts), enforced in the services.

/** Each saved change of a pair's agreement is a new version; acknowledgements are per version. */
export const agreementVersions = sqliteTable(
  "agreement_versions",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    version: integer("version").notNull(),
    /** What each person wrote, per section: { goals: { mentor, mentee }, … }. */
    entries: text("entries", { mode: "json" }).$type<AgreementEntries>().notNull(),
    /** The program's section texts as they were when this version was saved. */
    sections: text("sections", { mode: "json" }).$type<Record<string, string>>().notNull(),
    changedBy: text("changed_by").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [uniqueIndex("agreement_versions_match").on(t.matchId, t.version)],
);

export const agreementAcknowledgements = sqliteTable(
  "agreement_acknowledgements",
  {
    versionId: text("version_id").notNull(),
    memberId: text("member_id").notNull(),
    at: ms("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.memberId] })],
);

export const meetingStatuses = ["proposed", "scheduled", "held", "cancelled", "missed"] as const;

export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    status: text("status", { enum: meetingStatuses }).notNull(),
    startsAt: ms("starts_at").notNull(),
    /** The proposer's IANA zone: the time as they typed it; each person sees it in their own. */
    timeZone: text("time_zone").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    format: text("format", { enum: ["in_person", "video"] }).notNull(),
    place: text("place"),
    videoUrl: text("video_url"),
    agenda: text("agenda", { mode: "json" }).$type<string[]>().notNull(),
    /** Notes both people of the pair read and write. */
    sharedNotes: text("shared_notes").notNull().default(""),
    proposedBy: text("proposed_by").notNull(),
    cancelReason: text("cancel_reason"),
    /** When logged as held: how long it lasted and who came. */
    heldMinutes: integer("held_minutes"),
    attendees: text("attendees", { mode: "json" }).$type<string[]>(),
    loggedAt: ms("logged_at"),
    /** Grows with every change, so calendar clients replace the event they hold. */
    sequence: integer("sequence").notNull().default(0),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    index("meetings_match").on(t.matchId, t.startsAt),
    index("meetings_status").on(t.status, t.startsAt),
  ],
);

/** Only its author ever reads a private note: not the other person, coordinators or exports. */
export const meetingPrivateNotes = sqliteTable(
  "meeting_private_notes",
  {
    meetingId: text("meeting_id").notNull(),
    authorId: text("author_id").notNull(),
    text: text("text").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.authorId] })],
);

/** A member's secret calendar address; only its hash is kept, and revoking ends it. */
export const calendarFeeds = sqliteTable(
  "calendar_feeds",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: ms("created_at").notNull(),
    revokedAt: ms("revoked_at"),
  },
  (t) => [
    uniqueIndex("calendar_feeds_token").on(t.tokenHash),
    index("calendar_feeds_member").on(t.memberId),
  ],
);

/** What someone in the pair promised to do, by when. */
export const commitments = sqliteTable(
  "commitments",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    meetingId: text("meeting_id"),
    text: text("text").notNull(),
    ownerId: text("owner_id").notNull(),
    ownerRole: text("owner_role", { enum: ["mentor", "mentee"] }).notNull(),
    /** A calendar day (YYYY-MM-DD) in the owner's time zone. */
    dueOn: text("due_on").notNull(),
    doneAt: ms("done_at"),
    createdBy: text("created_by").notNull(),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("commitments_match").on(t.matchId, t.dueOn)],
);

/** One check-in period of a match: due from `opensOn`, answerable until `closesOn`. */
export const checkIns = sqliteTable(
  "check_ins",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    /** 1 for the first check-in, then 2, 3… */
    period: integer("period").notNull(),
    opensOn: text("opens_on").notNull(),
    closesOn: text("closes_on").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("check_ins_period").on(t.matchId, t.period),
    index("check_ins_opens").on(t.opensOn),
  ],
);

/** One person's answers to one check-in: never shown to the other person of the pair. */
export const checkInResponses = sqliteTable(
  "check_in_responses",
  {
    checkInId: text("check_in_id").notNull(),
    memberId: text("member_id").notNull(),
    answers: text("answers", { mode: "json" }).$type<CheckInAnswers>().notNull(),
    submittedAt: ms("submitted_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkInId, t.memberId] })],
);

/** Something a coordinator should do for a pair, e.g. get in touch after a check-in asked. */
export const coordinatorTasks = sqliteTable(
  "coordinator_tasks",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    programId: text("program_id").notNull(),
    kind: text("kind", { enum: ["contact_requested"] }).notNull(),
    /** Who asked, and what asked for it (a check-in response). */
    memberId: text("member_id").notNull(),
    sourceId: text("source_id").notNull(),
    status: text("status", { enum: ["open", "done"] }).notNull(),
    createdAt: ms("created_at").notNull(),
    doneAt: ms("done_at"),
    doneBy: text("done_by"),
  },
  (t) => [
    uniqueIndex("coordinator_tasks_source").on(t.kind, t.sourceId, t.memberId),
    index("coordinator_tasks_program").on(t.programId, t.status),
  ],
);

export const goals = sqliteTable(
  "goals",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    title: text("title").notNull(),
    measure: text("measure"),
    targetOn: text("target_on"),
    status: text("status", { enum: ["active", "achieved", "dropped"] }).notNull(),
    /** 0–100, from the latest progress update. */
    progress: integer("progress").notNull().default(0),
    lastReviewedAt: ms("last_reviewed_at"),
    achievedAt: ms("achieved_at"),
    createdBy: text("created_by").notNull(),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("goals_match").on(t.matchId)],
);

export const milestones = sqliteTable(
  "milestones",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id").notNull(),
    title: text("title").notNull(),
    dueOn: text("due_on"),
    doneAt: ms("done_at"),
    position: integer("position").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("milestones_goal").on(t.goalId, t.position)],
);

/** Progress updates and reviews of a goal, oldest first: its history. */
export const goalUpdates = sqliteTable(
  "goal_updates",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id").notNull(),
    kind: text("kind", { enum: ["progress", "review"] }).notNull(),
    progress: integer("progress"),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("goal_updates_goal").on(t.goalId, t.createdAt)],
);

/** An achieved goal or milestone, on the pair's timeline and, if chosen, the program's wall. */
export const celebrations = sqliteTable(
  "celebrations",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    programId: text("program_id").notNull(),
    goalId: text("goal_id").notNull(),
    milestoneId: text("milestone_id"),
    title: text("title").notNull(),
    /** The member who chose to share it; null while it stays within the pair. */
    sharedBy: text("shared_by"),
    sharedAt: ms("shared_at"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("celebrations_source").on(t.goalId, t.milestoneId),
    index("celebrations_wall").on(t.programId, t.sharedAt),
  ],
);

export const congratulations = sqliteTable(
  "congratulations",
  {
    celebrationId: text("celebration_id").notNull(),
    memberId: text("member_id").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.celebrationId, t.memberId] })],
);

/** Feedback from one person of the pair to the other; coordinators see only that it flows. */
export const feedback = sqliteTable(
  "feedback",
  {
    id: text("id").primaryKey(),
    matchId: text("match_id").notNull(),
    meetingId: text("meeting_id"),
    authorId: text("author_id").notNull(),
    recipientId: text("recipient_id").notNull(),
    answers: text("answers", { mode: "json" }).$type<FeedbackAnswers>().notNull(),
    note: text("note").notNull().default(""),
    /** The author chose to let coordinators read the text too. */
    sharedWithCoordinators: integer("shared_with_coordinators", { mode: "boolean" })
      .notNull()
      .default(false),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("feedback_match").on(t.matchId, t.createdAt)],
);
