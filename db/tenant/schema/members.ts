import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const members = sqliteTable("members", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ["admin", "member"] })
    .notNull()
    .default("member"),
  status: text("status", { enum: ["invited", "active", "deactivated"] })
    .notNull()
    .default("invited"),
  timeZone: text("time_zone").notNull().default("UTC"),
  /** "pbkdf2-sha256$<iterations>$<salt>$<hash>" (base64url); null until a password is set. */
  passwordHash: text("password_hash"),
  lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export type Member = typeof members.$inferSelect;

/** What a member tells about themselves for matching; shared by all their applications. */
export const memberProfiles = sqliteTable("member_profiles", {
  memberId: text("member_id").primaryKey(),
  interests: text("interests", { mode: "json" }).$type<string[]>().notNull(),
  skills: text("skills", { mode: "json" }).$type<string[]>().notNull(),
  department: text("department"),
  seniority: text("seniority"),
  languages: text("languages", { mode: "json" }).$type<string[]>().notNull(),
  availability: text("availability"),
  /** The member they report to, set by admins or integrations: matching keeps them apart. */
  reportsTo: text("reports_to"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
