import * as v from "valibot";
import {
  bulkResult,
  bulkRowsInput,
  checkRowsByEmail,
  type RowError,
  readCsv,
} from "./common/bulk-rows";
import { displayNameText } from "./common/display-name";
import { timestamp } from "./common/json";
import { page, pageQuery } from "./common/pagination";

/** Members and their invitations, shared by the API and the web client so both judge alike. */

export const memberRoles = ["admin", "member"] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRole = v.picklist(memberRoles, 'Role must be "admin" or "member".');

export const memberStatuses = ["invited", "active", "deactivated"] as const;
export type MemberStatus = (typeof memberStatuses)[number];

/** Stored trimmed and lowercased: sign-in and acceptance find members by this exact string. */
export const memberEmail = v.pipe(
  v.string("Email must be text."),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty("Email is required."),
  v.maxLength(254, "Email must be at most 254 characters."),
  v.email("Enter a valid email address."),
);

export const memberQuery = v.object({
  ...pageQuery.entries,
  status: v.optional(
    v.picklist(memberStatuses, 'status must be "invited", "active" or "deactivated".'),
  ),
});
export const roleChangeInput = v.object({ role: memberRole });

export const memberView = v.object({
  id: v.string(),
  email: v.string(),
  displayName: v.string(),
  role: v.picklist(memberRoles),
  status: v.picklist(memberStatuses),
  timeZone: v.string(),
});
export type MemberView = v.InferOutput<typeof memberView>;
export const memberPage = page(memberView);

/** Optional in an invitation; blank counts as absent. It ends up in email subjects. */
const invitedName = v.optional(
  v.pipe(
    displayNameText,
    v.transform((name) => name || undefined),
  ),
);

export const invitationInput = v.object({
  email: memberEmail,
  role: v.optional(memberRole, "member"),
  displayName: invitedName,
});
export type InvitationInput = v.InferOutput<typeof invitationInput>;

export const invitationView = v.object({
  id: v.string(),
  email: v.string(),
  role: v.picklist(memberRoles),
  displayName: v.nullable(v.string()),
  /** Member id of the inviting admin; null for integrations and the operator's first admin. */
  invitedBy: v.nullable(v.string()),
  createdAt: timestamp,
  expiresAt: timestamp,
});
export type InvitationView = v.InferOutput<typeof invitationView>;
export const invitationPage = page(invitationView);

/** Rows are checked one by one (see checkInvitationRows), so one bad row never hides others. */
export const bulkInvitationInput = bulkRowsInput();
export const bulkInvitationResult = bulkResult(invitationView);
export type BulkInvitationResult = v.InferOutput<typeof bulkInvitationResult>;

export interface CheckedRow {
  row: number;
  input: InvitationInput;
}

/** Validates every row and flags repeated addresses after their first appearance. */
export function checkInvitationRows(rows: readonly unknown[]): {
  valid: CheckedRow[];
  errors: RowError[];
} {
  return checkRowsByEmail(invitationInput, rows);
}

/** One row as read from a CSV file, not yet validated. */
export interface InvitationRowInput {
  email: string;
  role?: string;
  displayName?: string;
}

/**
 * Reads `email,role,display_name` (role and display_name optional) into rows for
 * POST /v1/members/invitations/bulk. Blank lines are skipped; see readCsv.
 */
export function parseInvitationCsv(text: string): {
  rows: InvitationRowInput[];
  errors: RowError[];
} {
  const columns = { email: "email", role: "role", display_name: "displayName" } as const;
  const { rows, errors } = readCsv(text, columns, ["email"]);
  return {
    rows: rows.map(({ email = "", role, displayName }) => ({
      email,
      ...(role === undefined ? {} : { role: role.toLowerCase() }),
      ...(displayName === undefined ? {} : { displayName }),
    })),
    errors,
  };
}

/** Who a member reports to: matching never pairs a member with their manager. */
export const reportingLineInput = v.object({
  reportsTo: v.nullable(
    v.pipe(
      v.string("reportsTo must be a member id or null."),
      v.nonEmpty("reportsTo must be a member id or null."),
      v.maxLength(100, "reportsTo is too long."),
    ),
  ),
});
export const reportingLineView = v.object({
  memberId: v.string(),
  reportsTo: v.nullable(v.object({ id: v.string(), displayName: v.string() })),
});
export type ReportingLineView = v.InferOutput<typeof reportingLineView>;
