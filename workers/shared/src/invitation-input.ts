import * as v from "valibot";

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
    v.string("Display name must be text."),
    v.trim(),
    v.maxLength(120, "Display name must be at most 120 characters."),
    v.regex(/^[^\p{Cc}]*$/u, "Display name may not contain control characters."),
    v.transform((name) => name || undefined),
  ),
);

export const invitationInput = v.object({
  email: memberEmail,
  role: v.optional(memberRole, "member"),
  displayName: invitedName,
});
export type InvitationInput = v.InferOutput<typeof invitationInput>;

export const bulkModes = ["all_or_nothing", "valid_only"] as const;
export const maxBulkRows = 500;

/** Rows are checked one by one (see checkInvitationRows), so one bad row never hides others. */
export const bulkInvitationInput = v.object({
  rows: v.pipe(
    v.array(v.unknown(), "rows must be a list."),
    v.minLength(1, "rows must hold at least one row."),
    v.maxLength(maxBulkRows, `rows may hold at most ${maxBulkRows} rows.`),
  ),
  mode: v.picklist(bulkModes, 'mode must be "all_or_nothing" or "valid_only".'),
});

/** A problem with one row; rows count from 1, like the data lines of a spreadsheet. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface CheckedRow {
  row: number;
  input: InvitationInput;
}

/** Validates every row and flags repeated addresses after their first appearance. */
export function checkInvitationRows(rows: readonly unknown[]): {
  valid: CheckedRow[];
  errors: RowError[];
} {
  const valid: CheckedRow[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const result = v.safeParse(invitationInput, raw);
    if (!result.success) {
      for (const issue of result.issues) {
        errors.push({ row, field: v.getDotPath(issue) ?? "", message: issue.message });
      }
      return;
    }
    const first = firstRowOf.get(result.output.email);
    if (first !== undefined) {
      errors.push({ row, field: "email", message: `This address is already in row ${first}.` });
      return;
    }
    firstRowOf.set(result.output.email, row);
    valid.push({ row, input: result.output });
  });
  return { valid, errors };
}

/** One row as read from a CSV file, not yet validated. */
export interface InvitationRowInput {
  email: string;
  role?: string;
  displayName?: string;
}

const csvColumns = { email: "email", role: "role", display_name: "displayName" } as const;
type CsvColumn = keyof typeof csvColumns;

/** RFC 4180 records: quoted fields may hold commas, newlines and doubled quotes. */
function csvRecords(text: string): { fields: string[]; unterminated: boolean }[] {
  const records: { fields: string[]; unterminated: boolean }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      records.push({ fields: [...fields, field], unterminated: false });
      fields = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (quoted || field !== "" || fields.length > 0) {
    records.push({ fields: [...fields, field], unterminated: quoted });
  }
  return records.filter((r) => r.unterminated || r.fields.some((f) => f.trim() !== ""));
}

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
    return { rows: [], errors: [{ row: 0, field: "", message: "The file is empty." }] };
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
      const message = `Unknown column "${name}"; expected email, role, display_name.`;
      headerErrors.push({ row: 0, field: "", message });
    } else if (columns.indexOf(name) !== index) {
      headerErrors.push({ row: 0, field: "", message: `Column "${name}" appears twice.` });
    }
  });
  if (!columns.includes("email")) {
    headerErrors.push({ row: 0, field: "", message: 'The header needs an "email" column.' });
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
