import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Every `jti` this organization's integrations have used, kept until the token's `exp` (plus
 * the clock tolerance): a second use is a replay. Kept here rather than in the control
 * database so that an integration's call writes only to its own organization's database.
 */
export const clientTokenIds = sqliteTable(
  "client_token_ids",
  {
    clientId: text("client_id").notNull(),
    jti: text("jti").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.jti] }),
    index("client_token_ids_exp").on(t.expiresAt),
  ],
);
