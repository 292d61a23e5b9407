import * as v from "valibot";
import { AppError, type FieldError } from "../../../../shared/src/contracts/common/errors";
import type { ApplyInput } from "../../../../shared/src/contracts/enrollments";
import {
  answersSchema,
  applicationForm,
  profileFieldNames,
} from "../../../../shared/src/domain/program-rules";

const isBlank = (x: unknown) =>
  x === undefined ||
  x === null ||
  (typeof x === "string" && x.trim() === "") ||
  (Array.isArray(x) && x.length === 0);

/**
 * Judges an application against the program's form (the rules module's schema, with its
 * defaults): every problem field by field, none when it can be saved, and the answers as they
 * are to be stored.
 */
export function checkApplication(
  stored: unknown,
  input: ApplyInput,
): { problems: FieldError[]; answers: Record<string, unknown> } {
  const parsed = v.safeParse(applicationForm, stored);
  if (!parsed.success) {
    // The programs API validates forms on write, so this is old or hand-edited data.
    throw new AppError("conflict", "This program's application form needs fixing by an admin.");
  }
  const form = parsed.output;
  const problems: FieldError[] = profileFieldNames
    .filter((field) => form.profileFields[field] === "required")
    .filter((field) => isBlank(input.profile[field]))
    .map((field) => ({ field: `profile.${field}`, message: "This program asks for this." }));
  const result = v.safeParse(answersSchema(form), input.answers);
  if (result.success) return { problems, answers: result.output };
  for (const issue of result.issues) {
    const path = v.getDotPath(issue);
    problems.push({ field: path ? `answers.${path}` : "answers", message: issue.message });
  }
  return { problems, answers: input.answers };
}
