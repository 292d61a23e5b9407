import * as v from "valibot";
import { bulkRowsInput, checkRowsByEmail, csvRecords, fileError, type RowError } from "./bulk-rows";
import { displayNameText } from "./display-name";

export { bulkModes, maxBulkRows, type RowError } from "./bulk-rows";

/** Invitation payloads, shared by the API and the web client so both judge a row alike. */

export const memberRoles = ["admin", "member"] as const;
export type MemberRole = (typeof memberRoles)[number];

export const memberRole = v.picklist(memberRoles, 'Role must be "admin" or "member".');

/** Stored trimmed and lowercased: sign-in and acceptance find members by this exact string. */
export const memberEmail = v.pipe(
  v.string("Email must be text."),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty("Email is required."),
  v.maxLength(254, "Email must be at most 254 characters."),
  v.email("Enter a valid email address."),
);

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

/** Rows are checked one by one (see checkInvitationRows), so one bad row never hides others. */
export const bulkInvitationInput = bulkRowsInput();

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

const csvColumns = { email: "email", role: "role", display_name: "displayName" } as const;
type CsvColumn = keyof typeof csvColumns;

/**
 * Reads `email,role,display_name` (header first, columns in any order, role and display_name
 * optional) into rows for POST /v1/members/invitations/bulk. Rows count from 1 like the
 * server's row errors; problems with the header are reported as row 0. Blank lines are skipped.
 */
export function parseInvitationCsv(text: string): {
  rows: InvitationRowInput[];
  errors: RowError[];
} {
  const [header, ...data] = csvRecords(text);
  if (!header) {
    return { rows: [], errors: [fileError("The file is empty.")] };
  }
  const columns = header.fields.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const headerErrors: RowError[] = [];
  columns.forEach((name, index) => {
    if (!Object.hasOwn(csvColumns, name)) {
      headerErrors.push(fileError(`Unknown column "${name}"; expected email, role, display_name.`));
    } else if (columns.indexOf(name) !== index) {
      headerErrors.push(fileError(`Column "${name}" appears twice.`));
    }
  });
  if (!columns.includes("email")) {
    headerErrors.push(fileError('The header needs an "email" column.'));
  }
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };

  const errors: RowError[] = [];
  const rows = data.map(({ fields, unterminated }, index) => {
    const row = index + 1;
    if (unterminated) {
      errors.push({ row, field: "", message: "A quoted value is never closed." });
    }
    if (fields.slice(columns.length).some((f) => f.trim() !== "")) {
      errors.push({ row, field: "", message: "Row has more values than the header has columns." });
    }
    const parsed: InvitationRowInput = { email: "" };
    columns.forEach((name, i) => {
      const value = fields[i]?.trim() ?? "";
      const key = csvColumns[name as CsvColumn];
      if (key === "email") parsed.email = value;
      else if (value !== "") parsed[key] = key === "role" ? value.toLowerCase() : value;
    });
    return parsed;
  });
  return { rows, errors };
}
