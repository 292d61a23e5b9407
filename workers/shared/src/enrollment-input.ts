import * as v from "valibot";
import { bulkModes, maxBulkRows, memberEmail, parseInvitationCsv } from "./invitation-input";

/** Enrollment and training payloads, shared by the API and the web client. */

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
export const profileFields = [
  "interests",
  "skills",
  "department",
  "seniority",
  "languages",
  "timeZone",
  "availability",
] as const;

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
export const bulkEnrollmentInput = v.object({
  rows: v.pipe(
    v.array(v.unknown(), "rows must be a list."),
    v.minLength(1, "rows must hold at least one row."),
    v.maxLength(maxBulkRows, `rows may hold at most ${maxBulkRows} rows.`),
  ),
  mode: v.picklist(bulkModes, 'mode must be "all_or_nothing" or "valid_only".'),
});
export const enrollmentRow = v.object({ email: memberEmail, role: programRole });
export type EnrollmentRow = v.InferOutput<typeof enrollmentRow>;

/** A problem with one row; rows count from 1, like the data lines of a spreadsheet. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** Validates every row and flags repeated addresses after their first appearance. */
export function checkEnrollmentRows(rows: readonly unknown[]): {
  valid: { row: number; input: EnrollmentRow }[];
  errors: RowError[];
} {
  const valid: { row: number; input: EnrollmentRow }[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((raw, index) => {
    const row = index + 1;
    const result = v.safeParse(enrollmentRow, raw);
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
      errors.push({
        row: 0,
        field: "",
        message: `Unknown column "${name}"; expected email, role.`,
      });
    } else if (columns.indexOf(name) !== i) {
      errors.push({ row: 0, field: "", message: `Column "${name}" appears twice.` });
    }
  }
  for (const needed of ["email", "role"]) {
    if (!columns.includes(needed)) {
      errors.push({ row: 0, field: "", message: `The header needs a "${needed}" column.` });
    }
  }
  if (headerLine.trim() === "") {
    return { rows: [], errors: [{ row: 0, field: "", message: "The file is empty." }] };
  }
  if (errors.length > 0) return { rows: [], errors };
  const parsed = parseInvitationCsv(text);
  return {
    rows: parsed.rows.map((r) => ({ email: r.email, role: r.role ?? "" })),
    errors: parsed.errors,
  };
}

// Training

export const trainingKinds = ["link", "document", "quiz"] as const;
export const requiredForValues = ["mentor", "mentee", "both"] as const;

const quizQuestion = v.object({
  question: v.pipe(v.string("question must be text."), v.trim(), v.nonEmpty(), v.maxLength(500)),
  options: v.pipe(
    v.array(
      v.pipe(v.string("Each option must be text."), v.trim(), v.nonEmpty(), v.maxLength(200)),
    ),
    v.minLength(2, "A question needs at least 2 options."),
    v.maxLength(10, "A question may have at most 10 options."),
  ),
  answer: v.pipe(v.number("answer must be an option's index."), v.integer(), v.minValue(0)),
});
export type QuizQuestion = v.InferOutput<typeof quizQuestion>;

const trainingFields = {
  title: v.pipe(
    v.string("title must be text."),
    v.trim(),
    v.nonEmpty("title is required."),
    v.maxLength(200),
  ),
  kind: v.picklist(trainingKinds, 'kind must be "link", "document" or "quiz".'),
  url: v.nullish(
    v.pipe(
      v.string("url must be text."),
      v.url("url must be a web address."),
      v.startsWith("https://", "url must start with https://."),
      v.maxLength(2000),
    ),
  ),
  body: v.nullish(v.pipe(v.string("body must be text."), v.maxLength(20_000))),
  quiz: v.nullish(
    v.pipe(
      v.array(quizQuestion, "quiz must be a list."),
      v.minLength(1, "A quiz needs a question."),
      v.maxLength(50),
    ),
  ),
  requiredFor: v.picklist(requiredForValues, 'requiredFor must be "mentor", "mentee" or "both".'),
  position: v.pipe(v.number("position must be a number."), v.integer(), v.minValue(0)),
};

export const trainingInput = v.object({
  ...trainingFields,
  position: v.optional(trainingFields.position),
});
export type TrainingInput = v.InferOutput<typeof trainingInput>;
export const trainingPatch = v.partial(v.object(trainingFields));
export type TrainingPatch = v.InferOutput<typeof trainingPatch>;

export const completionInput = v.object({
  answers: v.optional(
    v.pipe(
      v.array(
        v.pipe(v.number("Each answer must be a number."), v.integer()),
        "answers must be a list.",
      ),
      v.maxLength(50),
    ),
  ),
});
