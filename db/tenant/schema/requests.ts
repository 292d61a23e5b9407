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

/**
 * The first answer to a bulk write sent with an `Idempotency-Key`, stored in the same batch as
 * the write itself, so a client that lost the answer (a timeout, a crash just after the commit)
 * retries and gets that answer instead of a second write. Keyed by who sent it; `fingerprint`
 * (a hash of method, path and body) tells a retry from a different request reusing the key.
 */
export const idempotentRequests = sqliteTable(
  "idempotent_requests",
  {
    /** `member:<id>` or `client:<id>`: one caller's keys never answer another's requests. */
    owner: text("owner").notNull(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    status: integer("status").notNull(),
    body: text("body", { mode: "json" }).$type<unknown>().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.owner, t.key] }),
    index("idempotent_requests_exp").on(t.expiresAt),
  ],
);
