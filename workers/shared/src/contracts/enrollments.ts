import * as v from "valibot";
import {
  bulkResult,
  bulkRowsInput,
  checkRowsByEmail,
  type RowError,
  readCsv,
} from "./common/bulk-rows";
import { jsonObject, timestamp } from "./common/json";
import { page, pageQuery } from "./common/pagination";
import { programParam, resourceId } from "./common/params";
import { memberEmail } from "./members";
import { programStatuses } from "./programs";
import { trainingProgressView } from "./training";

/** Enrollment payloads, shared by the API and the web client. */

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
  interests: tags("Interests"),
  skills: tags("Skills"),
  department: shortText("Department or field of study", 120),
  seniority: shortText("Seniority or year of study", 120),
  languages: tags("Languages"),
  timeZone: v.optional(
    v.pipe(v.string("Time zone must be text."), v.check(isTimeZone, "Unknown time zone.")),
  ),
  availability: shortText("Availability", 500),
});
export type ProfileInput = v.InferOutput<typeof profileInput>;

export const applyInput = v.object({
  role: programRole,
  profile: v.optional(profileInput, {}),
  answers: v.optional(v.record(v.string(), v.unknown(), "answers must be an object."), {}),
});
export type ApplyInput = v.InferOutput<typeof applyInput>;

export const decisions = ["approve", "waitlist", "decline"] as const;
export const decisionInput = v.object({
  decision: v.picklist(decisions, 'decision must be "approve", "waitlist" or "decline".'),
  message: shortText("Message to the applicant", 1000),
});
export type DecisionInput = v.InferOutput<typeof decisionInput>;

export const enrollmentParam = v.object({ ...programParam.entries, id: resourceId });
export const withdrawParam = v.object({ id: resourceId });

/** The review queue, oldest first, filtered by status and role. */
export const queueQuery = v.object({
  ...pageQuery.entries,
  status: v.optional(v.picklist(enrollmentStatuses, "status is not an enrollment status.")),
  role: v.optional(programRole),
});

/** The profile as coordinators see it with an application; blanks where nothing was given. */
export const enrollmentProfile = v.object({
  interests: v.array(v.string()),
  skills: v.array(v.string()),
  department: v.string(),
  seniority: v.string(),
  languages: v.array(v.string()),
  timeZone: v.string(),
  availability: v.string(),
});
export type EnrollmentProfile = v.InferOutput<typeof enrollmentProfile>;

export const enrollmentView = v.object({
  id: v.string(),
  programId: v.string(),
  memberId: v.string(),
  member: v.object({ displayName: v.string(), email: v.string() }),
  role: v.picklist(programRoles),
  status: v.picklist(enrollmentStatuses),
  answers: jsonObject,
  profile: enrollmentProfile,
  decisionMessage: v.nullable(v.string()),
  decidedAt: v.nullable(timestamp),
  createdAt: timestamp,
  training: trainingProgressView,
  /** Approved, and (when the program's rules ask it) all required training for the role done. */
  eligibleForMatching: v.boolean(),
});
export type EnrollmentView = v.InferOutput<typeof enrollmentView>;
export const enrollmentPage = page(enrollmentView);
export const bulkEnrollmentResult = bulkResult(enrollmentView);
export type BulkEnrollmentResult = v.InferOutput<typeof bulkEnrollmentResult>;

/** The signed-in member's own enrollment, with the program it is in. */
export const myEnrollment = v.object({
  ...enrollmentView.entries,
  program: v.object({ id: v.string(), name: v.string(), status: v.picklist(programStatuses) }),
});
export type MyEnrollment = v.InferOutput<typeof myEnrollment>;
export const myEnrollments = v.object({ items: v.array(myEnrollment) });
export type MyEnrollments = v.InferOutput<typeof myEnrollments>;

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

/** Reads `email,role` (header first, any order) into rows for the bulk endpoint; see readCsv. */
export function parseEnrollmentCsv(text: string): {
  rows: { email: string; role: string }[];
  errors: RowError[];
} {
  const { rows, errors } = readCsv(text, { email: "email", role: "role" }, ["email", "role"]);
  return {
    rows: rows.map(({ email = "", role = "" }) => ({ email, role: role.toLowerCase() })),
    errors,
  };
}
