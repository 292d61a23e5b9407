/** The audit log: every change records who did what, when and from where; admins read it. */
export {
  type AuditEntry,
  auditInsert,
  heldAuditInsert,
  releaseAudit,
} from "./record";
export { auditRoutes } from "./routes";
