import * as v from "valibot";
import { choice, questionId, questionLabel, yesNo } from "./fields";
import { fresh } from "./vocab";

/**
 * What a program asks people who apply: which profile fields it collects and its own
 * questions. The same schema serves the form builder (web) and the programs API.
 */

export const profileFieldNames = [
  "interests",
  "skills",
  "department",
  "seniority",
  "languages",
  "timeZone",
  "availability",
] as const;
export type ProfileFieldName = (typeof profileFieldNames)[number];
export const fieldVisibilities = ["required", "optional", "hidden"] as const;
export const applicationQuestionKinds = [
  "short_text",
  "long_text",
  "choice",
  "multi_choice",
  "scale",
] as const;
const choiceKinds: readonly string[] = ["choice", "multi_choice"];

const visibility = (field: ProfileFieldName, fallback: (typeof fieldVisibilities)[number]) =>
  v.optional(choice(`Application form: ${field}`, fieldVisibilities), fallback);

const profileFields = v.object({
  interests: visibility("interests", "required"),
  skills: visibility("skills", "optional"),
  department: visibility("department", "optional"),
  seniority: visibility("seniority", "optional"),
  languages: visibility("languages", "optional"),
  timeZone: visibility("timeZone", "optional"),
  availability: visibility("availability", "required"),
});

const option = v.pipe(
  v.string("Application form: an option must be text."),
  v.trim(),
  v.nonEmpty("Application form: an option cannot be empty."),
  v.maxLength(100, "Application form: an option can be at most 100 characters."),
);

const question = v.pipe(
  v.object({
    id: questionId("Application form"),
    label: questionLabel("Application form"),
    kind: choice("Application form: the answer kind", applicationQuestionKinds),
    required: v.optional(yesNo("Application form: required"), false),
    options: v.optional(
      v.pipe(
        v.array(option, "Application form: options must be a list."),
        v.maxLength(20, "Application form: offer at most 20 options."),
        v.check(
          (options) => new Set(options).size === options.length,
          "Application form: list each option once.",
        ),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [["kind"], ["options"]],
      (q) => !choiceKinds.includes(q.kind) || (q.options?.length ?? 0) >= 2,
      "Application form: a choice question needs at least 2 options.",
    ),
    ["options"],
  ),
  v.forward(
    v.partialCheck(
      [["kind"], ["options"]],
      (q) => choiceKinds.includes(q.kind) || q.options === undefined,
      "Application form: only choice questions have options.",
    ),
    ["options"],
  ),
);

/** Answers are stored by question id, so two questions sharing one would overwrite each other. */
const uniqueQuestionIds = <T extends { id: string }>() =>
  v.rawCheck<T[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((q, index) => {
      if (seen.has(q.id)) {
        addIssue({
          message: `Application form: the question id "${q.id}" is used twice.`,
          path: [
            { type: "array", origin: "value", input: dataset.value, key: index, value: q },
            { type: "object", origin: "value", input: q, key: "id", value: q.id },
          ],
        });
      }
      seen.add(q.id);
    });
  });

const defaultQuestions = [
  {
    id: "hopes",
    label: "What would make this mentoring relationship worthwhile for you?",
    kind: "long_text" as const,
    required: true,
  },
  {
    id: "meeting_preference",
    label: "How would you prefer to meet?",
    kind: "choice" as const,
    required: false,
    options: ["In person", "By video", "Either works"],
  },
  {
    id: "anything_else",
    label: "Is there anything a coordinator should know to find you a good match?",
    kind: "long_text" as const,
    required: false,
  },
];

export const applicationForm = v.object({
  profileFields: v.optional(profileFields, {}),
  questions: v.optional(
    v.pipe(
      v.array(question, "Application form: questions must be a list."),
      v.maxLength(30, "Application form: ask at most 30 questions."),
      uniqueQuestionIds<v.InferOutput<typeof question>>(),
    ),
    fresh(defaultQuestions),
  ),
});

export type ApplicationForm = v.InferOutput<typeof applicationForm>;
export type ApplicationFormInput = v.InferInput<typeof applicationForm>;
export type ApplicationQuestion = ApplicationForm["questions"][number];

export function defaultApplicationForm(): ApplicationForm {
  return v.parse(applicationForm, {});
}
