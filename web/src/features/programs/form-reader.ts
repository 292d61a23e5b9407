import type {
  ApplicationForm,
  ApplicationQuestion,
  ProfileFieldName,
} from "../../../../workers/shared/src/domain/program-rules";

/**
 * The application form as the apply page and the review queue read it: the programs
 * contract's `applicationForm` (defaults filled in), with the words the pages show. Type-only
 * imports, so the member pages do not load the rules module and its validation library.
 */

export type ProfileKey = ProfileFieldName;
export type FieldMode = ApplicationForm["profileFields"][ProfileKey];
export type FormQuestion = ApplicationQuestion;

/** The profile fields in the order the pages ask them; `profileLabels` names every one. */
export const profileKeys = [
  "interests",
  "skills",
  "department",
  "seniority",
  "languages",
  "timeZone",
  "availability",
] as const satisfies readonly ProfileKey[];
export const listKeys = new Set<ProfileKey>(["interests", "skills", "languages"]);

export const profileLabels: Record<ProfileKey, string> = {
  interests: "Interests",
  skills: "Skills",
  department: "Department or field of study",
  seniority: "Seniority or year of study",
  languages: "Languages",
  timeZone: "Time zone",
  availability: "Availability",
};

/** "a, b,c" → ["a", "b", "c"]. */
export const splitList = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export const answerText = (value: unknown): string =>
  Array.isArray(value)
    ? value.join(", ")
    : typeof value === "boolean"
      ? value
        ? "Yes"
        : "No"
      : value === null || value === undefined || value === ""
        ? "—"
        : String(value);
