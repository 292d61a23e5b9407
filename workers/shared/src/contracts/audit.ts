import * as v from "valibot";
import { jsonObject, timestamp } from "./common/json";
import { page } from "./common/pagination";

/** The organization's audit log, newest first. */

export const auditActorTypes = ["member", "client", "system", "operator"] as const;

export const auditEntryView = v.object({
  id: v.number(),
  at: timestamp,
  actorType: v.picklist(auditActorTypes),
  actorId: v.nullable(v.string()),
  /** Dotted verb, e.g. "member.invite", "auth.sign_in_failed", "client.revoke". */
  action: v.string(),
  subjectType: v.nullable(v.string()),
  subjectId: v.nullable(v.string()),
  ip: v.nullable(v.string()),
  /** What changed; never passwords, tokens or other secrets. */
  detail: jsonObject,
});
export type AuditEntryView = v.InferOutput<typeof auditEntryView>;
export const auditPage = page(auditEntryView);
