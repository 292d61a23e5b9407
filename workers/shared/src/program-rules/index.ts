// Placeholder contract; replaced by the real rules schema, defaults, checks and summary.
import * as v from "valibot";
import type { FieldError } from "../errors";

export type ProgramRules = Record<string, unknown>;
export const programRules = v.looseObject({});
export const applicationForm = v.looseObject({});
export type ApplicationForm = Record<string, unknown>;

export interface ProgramShape {
  startsOn: string | null;
  endsOn: string | null;
  relationshipLengthDays: number | null;
}

export function defaultRules(): ProgramRules {
  return {};
}

export function rulesProblems(_rules: ProgramRules, _program: ProgramShape): FieldError[] {
  return [];
}

export function summarizeRules(_rules: ProgramRules): string[] {
  return [];
}

export interface ProgramTemplate {
  key: string;
  name: string;
  description: string;
  audience: string;
  relationshipLengthDays: number;
  rules: ProgramRules;
  applicationForm: ApplicationForm;
}

export const programTemplates: ProgramTemplate[] = [];
