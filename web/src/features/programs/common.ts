import type { EnrollmentStatus } from "../../../../workers/shared/src/contracts/enrollments";
import type { ProgramStatus } from "../../../../workers/shared/src/contracts/programs";

// What the program and enrollment pages share: words for statuses and roles, and paths. The
// shapes they read are the API's contracts (workers/shared/src/contracts/).

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
