// Program and enrollment answers as the web client reads them. The API's own view types are
// imported type-only (nothing reaches the bundle); `JsonOf` turns their Dates into the ISO
// strings the JSON carries.
import type {
  EnrollmentView as ApiEnrollmentView,
  EnrollmentStatus,
  ProgramRole,
} from "../../../../workers/shared/src/contracts/enrollments";
import type {
  ProgramTemplateView as ApiTemplateView,
  ProgramStatus,
} from "../../../../workers/shared/src/contracts/programs";

export type { EnrollmentProfile } from "../../../../workers/shared/src/contracts/enrollments";
export type { ProgramView } from "../../../../workers/shared/src/contracts/programs";
export type { EnrollmentStatus, ProgramRole, ProgramStatus };

export type Json = Record<string, unknown>;

/** A type as it arrives in JSON: Dates are ISO strings. */
export type JsonOf<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? JsonOf<U>[]
    : T extends object
      ? { [K in keyof T]: JsonOf<T[K]> }
      : T;

export type ProgramTemplateView = JsonOf<ApiTemplateView>;
export type EnrollmentView = JsonOf<ApiEnrollmentView>;

export interface RuleVersion {
  version: number;
  effectiveFrom?: string;
  changedBy?: string | null;
  summary?: string[];
}

export interface RulesPreview {
  valid: boolean;
  errors: { field: string; message: string }[];
  summary: string[];
}

export interface MyEnrollment extends EnrollmentView {
  program: { id: string; name: string; status: ProgramStatus };
}

export interface QuizQuestion {
  question: string;
  options: string[];
  answer?: number;
}

export interface TrainingResource {
  id: string;
  title: string;
  kind: "link" | "document" | "quiz";
  url: string | null;
  body: string | null;
  quiz: QuizQuestion[] | null;
  requiredFor: "mentor" | "mentee" | "both";
  position: number;
  completedByMe: boolean;
}

export const programStatusLabel: Record<ProgramStatus, string> = {
  draft: "Draft",
  open: "Open for applications",
  running: "Running",
  closed: "Closed",
};

export const enrollmentStatusLabel: Record<EnrollmentStatus, string> = {
  applied: "Applied",
  approved: "Approved",
  waitlisted: "Waitlisted",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

export const roleName = (role: string) =>
  ({ mentor: "Mentor", mentee: "Mentee", both: "Mentors and mentees" })[role] ?? role;

export const programPath = (slug: string, id?: string, tab?: string) =>
  `/o/${slug}/programs${id ? `/${encodeURIComponent(id)}` : ""}${tab ? `/${tab}` : ""}`;

export const programApi = (id: string, rest = "") =>
  `/v1/programs/${encodeURIComponent(id)}${rest}`;
