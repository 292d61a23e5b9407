import * as v from "valibot";
import { maxBulkRows } from "./limits";

/** What the bulk endpoints (invitations, enrollments) share: the payload, row checks, CSV. */

export const bulkModes = ["all_or_nothing", "valid_only"] as const;
export type BulkMode = (typeof bulkModes)[number];

/** Rows are checked one by one (see checkRowsByEmail), so one bad row never hides others. */
export const bulkRowsInput = () =>
  v.object({
    rows: v.pipe(
      v.array(v.unknown(), "rows must be a list."),
      v.minLength(1, "rows must hold at least one row."),
      v.maxLength(maxBulkRows, `rows may hold at most ${maxBulkRows} rows.`),
    ),
    mode: v.picklist(bulkModes, 'mode must be "all_or_nothing" or "valid_only".'),
  });

/** A problem with one row; rows count from 1, like the data lines of a spreadsheet. */
export const rowError = v.object({ row: v.number(), field: v.string(), message: v.string() });
export type RowError = v.InferOutput<typeof rowError>;

/** A bulk answer: what was made, and every row that was not (`valid_only` only). */
export const bulkResult = <S extends v.GenericSchema>(created: S) =>
  v.object({ created: v.array(created), errors: v.array(rowError) });

/** A problem with a file as a whole (its header, say), reported as row 0. */
export const fileError = (message: string): RowError => ({ row: 0, field: "", message });

/** Validates every row and flags repeated addresses after their first appearance. */
export function checkRowsByEmail<T extends { email: string }>(
  schema: v.GenericSchema<unknown, T>,
  rows: readonly unknown[],
): { valid: { row: number; input: T }[]; errors: RowError[] } {
  const valid: { row: number; input: T }[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const result = v.safeParse(schema, raw);
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

/** RFC 4180 records: quoted fields may hold commas, newlines and doubled quotes. */
export function csvRecords(text: string): { fields: string[]; unterminated: boolean }[] {
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
 * Reads a CSV file whose header names its columns, in any order and any case ("Display Name"
 * reads as display_name). `columns` maps header names to row keys; rows hold the trimmed
 * non-blank values and count from 1 like the server's row errors; header problems are row 0.
 */
export function readCsv<K extends string>(
  text: string,
  columns: Readonly<Record<string, K>>,
  required: readonly string[],
): { rows: Partial<Record<K, string>>[]; errors: RowError[] } {
  const [header, ...data] = csvRecords(text);
  if (!header) return { rows: [], errors: [fileError("The file is empty.")] };
  const names = header.fields.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_"),
  );
  const expected = Object.keys(columns).join(", ");
  const headerErrors: RowError[] = [];
  names.forEach((name, index) => {
    if (!Object.hasOwn(columns, name)) {
      headerErrors.push(fileError(`Unknown column "${name}"; expected ${expected}.`));
    } else if (names.indexOf(name) !== index) {
      headerErrors.push(fileError(`Column "${name}" appears twice.`));
    }
  });
  for (const name of required.filter((r) => !names.includes(r))) {
    const article = /^[aeiou]/.test(name) ? "an" : "a";
    headerErrors.push(fileError(`The header needs ${article} "${name}" column.`));
  }
  if (headerErrors.length > 0) return { rows: [], errors: headerErrors };

  const errors: RowError[] = [];
  const rows = data.map(({ fields, unterminated }, index) => {
    const row = index + 1;
    if (unterminated) errors.push({ row, field: "", message: "A quoted value is never closed." });
    if (fields.slice(names.length).some((f) => f.trim() !== "")) {
      errors.push({ row, field: "", message: "Row has more values than the header has columns." });
    }
    const values: Partial<Record<K, string>> = {};
    names.forEach((name, i) => {
      const value = fields[i]?.trim() ?? "";
      const key = columns[name];
      if (key !== undefined && value !== "") values[key] = value;
    });
    return values;
  });
  return { rows, errors };
}
