import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Single-use, expiring links to join the organization. Only the token's hash is kept. */
export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    role: text("role", { enum: ["admin", "member"] }).notNull(),
    displayName: text("display_name"),
    tokenHash: text("token_hash").notNull().unique(),
    /** Member id of the inviting admin; null when an operator provisioned the first admin. */
    invitedBy: text("invited_by"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("invitations_email").on(t.email)],
);

/**
 * Opaque refresh tokens, stored hashed. Each use rotates the token within its family; a used
 * token presented again means it was stolen, and the whole family is revoked.
 */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id").notNull(),
    familyId: text("family_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("refresh_tokens_member").on(t.memberId),
    index("refresh_tokens_family").on(t.familyId),
    index("refresh_tokens_expires").on(t.expiresAt),
  ],
);

/** Emailed single-use links: password reset and confirming a new email address. */
export const emailTokens = sqliteTable(
  "email_tokens",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id").notNull(),
    purpose: text("purpose", { enum: ["password_reset", "email_change"] }).notNull(),
    newEmail: text("new_email"),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("email_tokens_member").on(t.memberId),
    index("email_tokens_expires").on(t.expiresAt),
  ],
);

/** Failed sign-ins per key ("account:<email>" or "ip:<address>") within a window. */
export const loginThrottle = sqliteTable(
  "login_throttle",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull(),
    windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("login_throttle_window").on(t.windowStartedAt)],
);
