import type { Json } from "./common";

/**
 * The application form as the apply page and the review queue read it. The form's schema
 * lives in the shared rules module; this reader is deliberately forgiving about its exact
 * shape so the member pages need not load that module (and its validation library).
 */

export type FieldMode = "required" | "optional" | "hidden";

export interface FormQuestion {
  id: string;
  label: string;
  kind: "text" | "long_text" | "choice" | "multi_choice" | "yes_no" | "number" | "scale";
  required: boolean;
  options: string[];
  help: string;
  audience: string;
}

export const profileKeys = [
  "interests",
  "skills",
  "department",
  "seniority",
  "languages",
  "timeZone",
  "availability",
] as const;
export type ProfileKey = (typeof profileKeys)[number];
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

const MODES = new Set(["required", "optional", "hidden"]);
const isRecord = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" ? v : "");

function modeOf(v: unknown): FieldMode | null {
  if (typeof v === "string" && MODES.has(v)) return v as FieldMode;
  if (typeof v === "boolean") return v ? "required" : "optional";
  if (isRecord(v)) return modeOf(v.mode ?? v.status ?? v.visibility ?? v.required);
  return null;
}

export function profileModes(form: Json): Record<ProfileKey, FieldMode> {
  const modes = Object.fromEntries(profileKeys.map((k) => [k, "optional"])) as Record<
    ProfileKey,
    FieldMode
  >;
  const source = form.profileFields ?? form.profile ?? form.fields;
  if (isRecord(source)) {
    for (const key of profileKeys) modes[key] = modeOf(source[key]) ?? modes[key];
  } else if (Array.isArray(source)) {
    for (const entry of source.filter(isRecord)) {
      const key = text(entry.field ?? entry.key ?? entry.name) as ProfileKey;
      const mode = modeOf(entry);
      if (profileKeys.includes(key) && mode) modes[key] = mode;
    }
  }
  return modes;
}

export function questionsOf(form: Json): FormQuestion[] {
  const source = form.questions ?? form.programQuestions ?? [];
  if (!Array.isArray(source)) return [];
  return source.filter(isRecord).map((q, index) => {
    const kind = text(q.kind ?? q.type) || "text";
    const options = Array.isArray(q.options)
      ? q.options.map((o) => (isRecord(o) ? text(o.label ?? o.value) : String(o)))
      : [];
    return {
      id: text(q.id ?? q.key) || `q${index + 1}`,
      label: text(q.label ?? q.prompt ?? q.question ?? q.text) || `Question ${index + 1}`,
      kind: (["text", "long_text", "choice", "multi_choice", "yes_no", "number", "scale"].includes(
        kind,
      )
        ? kind
        : /long|paragraph|textarea/.test(kind)
          ? "long_text"
          : /multi|checkbox/.test(kind)
            ? "multi_choice"
            : /choice|select|single/.test(kind)
              ? "choice"
              : "text") as FormQuestion["kind"],
      required: q.required === true,
      options,
      help: text(q.help ?? q.hint ?? q.description),
      audience: text(q.audience ?? q.role ?? q.for) || "both",
    };
  });
}

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
