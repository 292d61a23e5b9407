// Shapes from docs/api-programs.md and docs/api-enrollments.md, as the web client reads them.

export type ProgramStatus = "draft" | "open" | "running" | "closed";
export type ProgramRole = "mentor" | "mentee";
export type EnrollmentStatus = "applied" | "approved" | "waitlisted" | "declined" | "withdrawn";

export type Json = Record<string, unknown>;

export interface ProgramView {
  id: string;
  name: string;
  description: string;
  audience: string;
  status: ProgramStatus;
  startsOn: string | null;
  endsOn: string | null;
  relationshipLengthDays: number | null;
  templateKey: string | null;
  rules: Json;
  rulesVersion: number;
  applicationForm: Json;
  summary: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ProgramTemplateView {
  key: string;
  name: string;
  description: string;
  audience: string;
  relationshipLengthDays: number;
  rules: Json;
  applicationForm: Json;
  summary: string[];
}

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

export interface EnrollmentProfile {
  interests: string[];
  skills: string[];
  department: string;
  seniority: string;
  languages: string[];
  timeZone: string;
  availability: string;
}

export interface EnrollmentView {
  id: string;
  programId: string;
  memberId: string;
  member: { displayName: string; email: string };
  role: ProgramRole;
  status: EnrollmentStatus;
  answers: Json;
  profile: Partial<EnrollmentProfile>;
  decisionMessage: string | null;
  decidedAt: string | null;
  createdAt: string;
  training: { required: number; completed: number };
  eligibleForMatching: boolean;
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
