import * as v from "valibot";
import { profileFieldNames } from "../domain/program-rules/application-form";
import { bulkRowsInput, checkRowsByEmail, fileError, type RowError } from "./bulk-rows";
import { memberEmail, parseInvitationCsv } from "./members";

export type { RowError } from "./bulk-rows";
// Training payloads moved to training-input.ts; re-exported so existing imports keep working.
export {
  completionInput,
  type QuizQuestion,
  requiredForValues,
  type TrainingInput,
  type TrainingPatch,
  trainingInput,
  trainingKinds,
  trainingPatch,
} from "./training";

/** Enrollment payloads, shared by the API and the web client (training: training-input.ts). */

export const programRoles = ["mentor", "mentee"] as const;
export type ProgramRole = (typeof programRoles)[number];
export const programRole = v.picklist(programRoles, 'Role must be "mentor" or "mentee".');

export const enrollmentStatuses = [
  "applied",
  "approved",
  "waitlisted",
  "declined",
  "withdrawn",
] as const;
export type EnrollmentStatus = (typeof enrollmentStatuses)[number];

const shortText = (name: string, max: number) =>
  v.optional(
    v.pipe(
      v.string(`${name} must be text.`),
      v.trim(),
      v.maxLength(max, `${name} must be at most ${max} characters.`),
    ),
  );
const tags = (name: string) =>
  v.optional(
    v.pipe(
      v.array(
        v.pipe(v.string(`Each of ${name} must be text.`), v.trim(), v.nonEmpty(), v.maxLength(80)),
        `${name} must be a list.`,
      ),
      v.maxLength(30, `${name} may hold at most 30 entries.`),
    ),
  );

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** What a member tells about themselves; which fields are required is the program's form. */
export const profileInput = v.object({
  interests: tags("interests"),
  skills: tags("skills"),
  department: shortText("department", 120),
  seniority: shortText("seniority", 120),
  languages: tags("languages"),
  timeZone: v.optional(
    v.pipe(v.string("timeZone must be text."), v.check(isTimeZone, "Unknown time zone.")),
  ),
  availability: shortText("availability", 500),
});
export type ProfileInput = v.InferOutput<typeof profileInput>;
export const profileFields = profileFieldNames;

export const applyInput = v.object({
  role: programRole,
  profile: v.optional(profileInput, {}),
  answers: v.optional(v.record(v.string(), v.unknown(), "answers must be an object."), {}),
});
export type ApplyInput = v.InferOutput<typeof applyInput>;

export const decisions = ["approve", "waitlist", "decline"] as const;
export const decisionInput = v.object({
  decision: v.picklist(decisions, 'decision must be "approve", "waitlist" or "decline".'),
  message: shortText("message", 1000),
});
export type DecisionInput = v.InferOutput<typeof decisionInput>;

/** Rows are checked one by one (see checkEnrollmentRows) so one bad row never hides others. */
export const bulkEnrollmentInput = bulkRowsInput();
export const enrollmentRow = v.object({ email: memberEmail, role: programRole });
export type EnrollmentRow = v.InferOutput<typeof enrollmentRow>;

/** Validates every row and flags repeated addresses after their first appearance. */
export function checkEnrollmentRows(rows: readonly unknown[]): {
  valid: { row: number; input: EnrollmentRow }[];
  errors: RowError[];
} {
  return checkRowsByEmail(enrollmentRow, rows);
}

/**
 * Reads `email,role` (header first, any order) into rows for the bulk endpoint. The header is
 * checked here; records are split by the invitation CSV reader so both files read alike.
 */
export function parseEnrollmentCsv(text: string): {
  rows: { email: string; role: string }[];
  errors: RowError[];
} {
  const headerLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const columns = headerLine.split(",").map((c) => c.trim().replace(/^"|"$/g, "").toLowerCase());
  const errors: RowError[] = [];
  for (const [i, name] of columns.entries()) {
    if (name !== "email" && name !== "role") {
      errors.push(fileError(`Unknown column "${name}"; expected email, role.`));
    } else if (columns.indexOf(name) !== i) {
      errors.push(fileError(`Column "${name}" appears twice.`));
    }
  }
  for (const needed of ["email", "role"]) {
    if (!columns.includes(needed)) {
      errors.push(fileError(`The header needs a "${needed}" column.`));
    }
  }
  if (headerLine.trim() === "") {
    return { rows: [], errors: [fileError("The file is empty.")] };
  }
  if (errors.length > 0) return { rows: [], errors };
  const parsed = parseInvitationCsv(text);
  return {
    rows: parsed.rows.map((r) => ({ email: r.email, role: r.role ?? "" })),
    errors: parsed.errors,
  };
}
