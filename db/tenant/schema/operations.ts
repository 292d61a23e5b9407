import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { auditActorTypes } from "../../../workers/shared/src/contracts/audit";

/** Who did what, when and from where, inside one organization. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorType: text("actor_type", { enum: auditActorTypes }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    ip: text("ip"),
    detail: text("detail", { mode: "json" })
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'`),
    /** The held entry this one was copied from (see the control database's held_audit). */
    heldId: text("held_id"),
  },
  (t) => [index("audit_log_at").on(t.at), uniqueIndex("audit_log_held").on(t.heldId)],
);

/** One row per scheduler tick that reached this tenant: proof the fan-out works end to end. */
export const schedulerHeartbeats = sqliteTable("scheduler_heartbeats", {
  tick: text("tick").primaryKey(),
  processedAt: integer("processed_at", { mode: "timestamp_ms" }).notNull(),
});
