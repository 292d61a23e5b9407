// How the audit log reads to an admin: each action as a phrase, each change as before → after.
import { enrollmentStatusLabel, programStatusLabel } from "../programs/common";
import { fieldName } from "../programs/editor/ProblemList";

export const actionText: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_out": "Signed out",
  "auth.refresh_reuse": "Reused a spent session token (all sessions ended)",
  "member.invite": "Invited a member",
  "member.revoke_invitation": "Revoked an invitation",
  "member.accept_invitation": "Accepted an invitation",
  "member.deactivate": "Deactivated a member",
  "member.reactivate": "Reactivated a member",
  "member.role_change": "Changed a member's role",
  "member.password_change": "Changed their password",
  "member.password_reset": "Reset their password",
  "member.email_change": "Changed their email",
  "member.reporting_line": "Changed who a member reports to",
  "client.register": "Registered an API client",
  "client.add_key": "Added a key to an API client",
  "client.remove_key": "Removed a key from an API client",
  "client.revoke": "Revoked an API client",
  "outbox.retry": "Retried a failed email",
  "program.create": "Created a program",
  "program.copy": "Copied a program",
  "program.update": "Changed a program's details",
  "program.status_change": "Changed a program's status",
  "program.rules_change": "Changed a program's rules",
  "enrollment.apply": "Applied to a program",
  "enrollment.bulk_enroll": "Enrolled members in bulk",
  "enrollment.decision": "Decided on an application",
  "enrollment.withdraw": "Withdrew an application",
  "training.create": "Added training",
  "training.update": "Changed training",
  "training.delete": "Deleted training",
  "training.complete": "Completed training",
  "match.activate": "Started a match",
  "match.close": "Closed a match",
  "match.request": "Asked a mentor for a match",
  "match.withdraw": "Withdrew a match request",
  "match.decline": "Declined a match request",
  "match.expire": "A match request lapsed",
  "match.run": "Resolved mentees' choices",
  "match_run.create": "Ran matching",
  "match_run.swap": "Swapped two proposals",
  "match_run.approve": "Approved proposed matches",
  "match_run.discard": "Discarded a matching run",
  "match_pin.pin": "Pinned a pair",
  "match_pin.forbid": "Ruled out a pair",
  "match_pin.remove": "Removed a pin or rule-out",
  "agreement.save": "Changed their part of a mentoring agreement",
  "agreement.acknowledge": "Acknowledged a mentoring agreement",
  "meeting.schedule": "Scheduled a meeting",
  "meeting.reschedule": "Moved a meeting",
  "meeting.cancel": "Cancelled a meeting",
  "meeting.log": "Logged a meeting as held",
  "calendar_feed.create": "Made a new calendar feed address",
  "calendar_feed.revoke": "Turned off their calendar feed",
  "commitment.create": "Recorded a commitment",
  "commitment.update": "Changed a commitment",
  "commitment.done": "Marked a commitment done",
  "commitment.undone": "Reopened a commitment",
  "check_in.answer": "Answered a check-in",
  "check_in.change": "Changed a check-in answer",
  "coordinator_task.open": "Asked a coordinator to get in touch",
  "coordinator_task.done": "Completed a coordinator task",
  "goal.create": "Set a goal",
  "goal.change": "Changed a goal",
  "goal.progress": "Recorded progress on a goal",
  "goal.review": "Reviewed a goal",
  "goal.achieve": "Achieved a goal",
  "goal.drop": "Dropped a goal",
  "goal.milestone_add": "Added a milestone",
  "goal.milestone_done": "Reached a milestone",
  "celebration.share": "Shared a celebration on the program's wall",
  "celebration.unshare": "Took a celebration off the program's wall",
  "feedback.give": "Gave feedback",
  "concern.raise": "Raised a concern",
  "concern.acknowledge": "Acknowledged a concern",
  "concern.note": "Added a handling note to a concern",
  "concern.resolve": "Resolved a concern",
  "pair.read": "Opened a pair's confidential records",
  "program.coordinators.set": "Changed a program's coordinators",
  "support_contact.logged": "Logged a support contact",
  "evaluation.save": "Saved an evaluation draft",
  "evaluation.submit": "Submitted an evaluation",
  "match.closing": "A match reached its planned end",
};

/** Field names as the pages call them. */
const fieldWords: Record<string, string> = {
  status: "status",
  role: "role",
  email: "email",
  name: "name",
  title: "title",
  kind: "kind",
  count: "members",
  version: "version",
  description: "description",
  audience: "audience",
  startsOn: "starts on",
  endsOn: "ends on",
  relationshipLengthDays: "relationship length (days)",
  templateKey: "template",
  changed: "changed",
  reportsTo: "reports to",
};

const statusWords: Record<string, string> = {
  ...programStatusLabel,
  ...enrollmentStatusLabel,
  admin: "Admin",
  member: "Member",
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A value as a person reads it: a status or role by its label, lists joined, blanks as "—". */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  if (isRecord(value)) return JSON.stringify(value);
  const text = String(value);
  return statusWords[text] ?? text;
}

/** A detail key in words; a rule's path ("meetings.frequencyDays") as the rule editor labels it. */
const fieldText = (key: string) =>
  fieldWords[key] ?? (key.includes(".") ? fieldName(key) : key.replace(/([a-z])([A-Z])/g, "$1 $2"));

/**
 * What changed or what it was about: "status: Draft → Open for applications" for a change
 * recorded as before and after (or from and to), else the telling fields; ids left out.
 */
export function detailText(detail: unknown): string {
  if (!isRecord(detail)) return detail == null ? "" : String(detail);
  const parts: string[] = [];
  if ("from" in detail && "to" in detail) {
    parts.push(`status: ${valueText(detail.from)} → ${valueText(detail.to)}`);
  } else if ("from" in detail) {
    parts.push(`was ${valueText(detail.from)}`);
  }
  if (isRecord(detail.before) && isRecord(detail.after)) {
    const { before, after } = detail;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      parts.push(`${fieldText(key)}: ${valueText(before[key])} → ${valueText(after[key])}`);
    }
  }
  for (const [key, value] of Object.entries(detail)) {
    if (["from", "to", "before", "after"].includes(key) || /Ids?$/.test(key)) continue;
    if (value === null || value === undefined || isRecord(value)) continue;
    parts.push(`${fieldText(key)}: ${valueText(value)}`);
  }
  return parts.join(" · ");
}
