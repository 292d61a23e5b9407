import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import type { QuizQuestion } from "../../../workers/shared/src/contracts/training";
import type {
  ApplicationForm,
  ProgramRules,
} from "../../../workers/shared/src/domain/program-rules";

/**
 * A mentoring program and the rules it runs by. `rules` is the current version; every change
 * is kept in program_rule_versions with the moment it took effect, so what was due before a
 * change is judged by the rules of that time.
 */
export const programs = sqliteTable(
  "programs",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    audience: text("audience").notNull().default(""),
    status: text("status", { enum: ["draft", "open", "running", "closed"] }).notNull(),
    /** ISO dates (YYYY-MM-DD); either dates or a relationship length, or both. */
    startsOn: text("starts_on"),
    endsOn: text("ends_on"),
    relationshipLengthDays: integer("relationship_length_days"),
    templateKey: text("template_key"),
    rules: text("rules", { mode: "json" }).$type<ProgramRules>().notNull(),
    rulesVersion: integer("rules_version").notNull().default(1),
    /** The application form: which profile fields are asked and the program's own questions. */
    applicationForm: text("application_form", { mode: "json" }).$type<ApplicationForm>().notNull(),
    createdBy: text("created_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("programs_status").on(t.status)],
);

/** Every version of a program's rules, with who changed it and from when it applies. */
export const programRuleVersions = sqliteTable(
  "program_rule_versions",
  {
    programId: text("program_id").notNull(),
    version: integer("version").notNull(),
    rules: text("rules", { mode: "json" }).$type<ProgramRules>().notNull(),
    effectiveFrom: integer("effective_from", { mode: "timestamp_ms" }).notNull(),
    changedBy: text("changed_by"),
  },
  (t) => [primaryKey({ columns: [t.programId, t.version] })],
);

/** A member's application to a program in one role, and the coordinator's decision. */
export const enrollments = sqliteTable(
  "enrollments",
  {
    id: text("id").primaryKey(),
    programId: text("program_id").notNull(),
    memberId: text("member_id").notNull(),
    role: text("role", { enum: ["mentor", "mentee"] }).notNull(),
    status: text("status", {
      enum: ["applied", "approved", "waitlisted", "declined", "withdrawn"],
    }).notNull(),
    /** Answers to the program's own questions, by question id. */
    answers: text("answers", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    decisionMessage: text("decision_message"),
    decidedBy: text("decided_by"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("enrollments_program_member").on(t.programId, t.memberId),
    index("enrollments_program_status").on(t.programId, t.status),
    index("enrollments_member").on(t.memberId),
  ],
);

/** Training a program asks of its participants before they can be matched. */
export const trainingResources = sqliteTable(
  "training_resources",
  {
    id: text("id").primaryKey(),
    programId: text("program_id").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: ["link", "document", "quiz"] }).notNull(),
    url: text("url"),
    body: text("body"),
    /** For quizzes: questions with options and the index of the right answer. */
    quiz: text("quiz", { mode: "json" }).$type<QuizQuestion[]>(),
    requiredFor: text("required_for", { enum: ["mentor", "mentee", "both"] }).notNull(),
    position: integer("position").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("training_resources_program").on(t.programId)],
);

export const trainingCompletions = sqliteTable(
  "training_completions",
  {
    resourceId: text("resource_id").notNull(),
    memberId: text("member_id").notNull(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.memberId] }),
    index("training_completions_member").on(t.memberId),
  ],
);
