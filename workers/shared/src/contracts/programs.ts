import * as v from "valibot";
import { applicationForm, programRules } from "../domain/program-rules";
import { fieldError } from "./common/errors";
import { timestamp } from "./common/json";
import { list, page, pageQuery } from "./common/pagination";

/** Program payloads, shared by the API and the web client so both judge a form alike. */

export const programStatuses = ["draft", "open", "running", "closed"] as const;
export type ProgramStatus = (typeof programStatuses)[number];

export const programStatus = v.picklist(
  programStatuses,
  'status must be "draft", "open", "running" or "closed".',
);

/** The lifecycle: a program moves only along these edges. */
export const statusTransitions: Record<ProgramStatus, readonly ProgramStatus[]> = {
  draft: ["open", "closed"],
  open: ["running", "draft", "closed"],
  running: ["closed"],
  closed: [],
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Runs even when the pattern failed (valibot checks on), so it must not throw then. */
const realDate = (text: string) => {
  if (!datePattern.test(text)) return true;
  const [y, m, d] = text.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toISOString().slice(0, 10) === text;
};

/** A calendar date, YYYY-MM-DD; null clears it where a change allows that. */
const isoDate = (field: string) =>
  v.pipe(
    v.string(`${field} must be a date (YYYY-MM-DD).`),
    v.regex(datePattern, `${field} must be a date (YYYY-MM-DD).`),
    v.check(realDate, `${field} is not a real calendar date.`),
  );

const programName = v.pipe(
  v.string("Program name must be text."),
  v.trim(),
  v.nonEmpty("Program name is required."),
  v.maxLength(120, "Program name can be at most 120 characters."),
  v.regex(/^[^\p{Cc}]*$/u, "Program name cannot contain control characters."),
);

const text = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be text.`),
    v.trim(),
    v.maxLength(max, `${field} must be at most ${max} characters.`),
  );

const relationshipLengthDays = v.pipe(
  v.number("Relationship length must be a number of days."),
  v.integer("Relationship length must be a whole number of days."),
  v.minValue(7, "Relationship length must be at least 7 days."),
  v.maxValue(1095, "Relationship length can be at most 1095 days (three years)."),
);

const programId = (field: string) =>
  v.pipe(v.string(`${field} must be a program id.`), v.maxLength(100, `${field} is too long.`));

/** Rules as sent: an object, possibly partial; checked in full once merged (resolveRules). */
export const rulesPatch = v.custom<Record<string, unknown>>(
  (x) => typeof x === "object" && x !== null && !Array.isArray(x),
  "rules must be an object.",
);

export const programCreateInput = v.object({
  name: programName,
  description: v.optional(text("Description", 4000)),
  audience: v.optional(text("Audience", 500)),
  templateKey: v.optional(v.pipe(v.string("templateKey must be text."), v.maxLength(100))),
  copyFrom: v.optional(programId("Program to copy")),
  startsOn: v.optional(isoDate("Starts on")),
  endsOn: v.optional(isoDate("Ends on")),
  relationshipLengthDays: v.optional(relationshipLengthDays),
  rules: v.optional(rulesPatch),
  applicationForm: v.optional(applicationForm),
});
export type ProgramCreateInput = v.InferOutput<typeof programCreateInput>;

export const programUpdateInput = v.object({
  name: v.optional(programName),
  description: v.optional(text("Description", 4000)),
  audience: v.optional(text("Audience", 500)),
  startsOn: v.optional(v.nullable(isoDate("Starts on"))),
  endsOn: v.optional(v.nullable(isoDate("Ends on"))),
  relationshipLengthDays: v.optional(v.nullable(relationshipLengthDays)),
  applicationForm: v.optional(applicationForm),
});
export type ProgramUpdateInput = v.InferOutput<typeof programUpdateInput>;

export const rulesChangeInput = v.object({
  rules: rulesPatch,
  expectedVersion: v.pipe(
    v.number("expectedVersion must be the rulesVersion you edited."),
    v.integer("expectedVersion must be a whole number."),
    v.minValue(1, "expectedVersion must be at least 1."),
  ),
});

export const rulesPreviewInput = v.object({ rules: rulesPatch });
export const statusChangeInput = v.object({ status: programStatus });
export const programCopyInput = v.object({ name: programName });

export const programQuery = v.object({ ...pageQuery.entries, status: v.optional(programStatus) });

/** Output types: stored rules and forms were parsed on write, so their defaults are filled. */
export const programView = v.object({
  id: v.string(),
  name: v.string(),
  description: v.string(),
  audience: v.string(),
  status: v.picklist(programStatuses),
  startsOn: v.nullable(v.string()),
  endsOn: v.nullable(v.string()),
  relationshipLengthDays: v.nullable(v.number()),
  templateKey: v.nullable(v.string()),
  rules: programRules,
  rulesVersion: v.number(),
  applicationForm,
  /** The rules in plain sentences, for people joining and for the editor. */
  summary: v.array(v.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type ProgramView = v.InferOutput<typeof programView>;
export const programPage = page(programView);

export const programTemplateView = v.object({
  key: v.string(),
  name: v.string(),
  description: v.string(),
  audience: v.string(),
  relationshipLengthDays: v.number(),
  rules: programRules,
  applicationForm,
  summary: v.array(v.string()),
});
export type ProgramTemplateView = v.InferOutput<typeof programTemplateView>;
export const programTemplateList = list(programTemplateView);
export type ProgramTemplateList = v.InferOutput<typeof programTemplateList>;

export const ruleVersionView = v.object({
  version: v.number(),
  effectiveFrom: timestamp,
  changedBy: v.nullable(v.string()),
  rules: programRules,
});
export type RuleVersionView = v.InferOutput<typeof ruleVersionView>;
export const ruleVersionList = list(ruleVersionView);
export type RuleVersionList = v.InferOutput<typeof ruleVersionList>;

/** What PUT …/rules would say about these rules, without saving anything. */
export const rulesPreview = v.object({
  valid: v.boolean(),
  errors: v.array(fieldError),
  summary: v.array(v.string()),
});
export type RulesPreview = v.InferOutput<typeof rulesPreview>;
