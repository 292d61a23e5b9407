import * as v from "valibot";
import { list } from "./common/pagination";
import { programParam, resourceId } from "./common/params";

/**
 * Training payloads, shared by the API and the web client. Messages name each field as the
 * training form labels it (Title, Web address, Text, Questions, Required for).
 */

export const trainingKinds = ["link", "document", "quiz"] as const;
export const requiredForValues = ["mentor", "mentee", "both"] as const;

const quizQuestion = v.object({
  question: v.pipe(
    v.string("Each question must be text."),
    v.trim(),
    v.nonEmpty("Each question needs its text."),
    v.maxLength(500, "A question can be at most 500 characters."),
  ),
  options: v.pipe(
    v.array(
      v.pipe(
        v.string("Each option must be text."),
        v.trim(),
        v.nonEmpty("An option cannot be empty."),
        v.maxLength(200, "An option can be at most 200 characters."),
      ),
    ),
    v.minLength(2, "A question needs at least 2 options."),
    v.maxLength(10, "A question may have at most 10 options."),
  ),
  answer: v.pipe(
    v.number("Each question needs its right answer marked."),
    v.integer("Each question needs its right answer marked."),
    v.minValue(0, "Each question needs its right answer marked."),
  ),
});
export type QuizQuestion = v.InferOutput<typeof quizQuestion>;

const trainingFields = {
  title: v.pipe(
    v.string("Title must be text."),
    v.trim(),
    v.nonEmpty("Title is required."),
    v.maxLength(200, "Title can be at most 200 characters."),
  ),
  kind: v.picklist(trainingKinds, "Kind must be a link, a document or a quiz."),
  url: v.nullish(
    v.pipe(
      v.string("Web address must be text."),
      v.url("Web address must be a full address, like https://example.org/guide."),
      v.startsWith("https://", "Web address must start with https://."),
      v.maxLength(2000, "Web address can be at most 2000 characters."),
    ),
  ),
  body: v.nullish(
    v.pipe(
      v.string("Text must be text."),
      v.maxLength(20_000, "Text can be at most 20000 characters."),
    ),
  ),
  quiz: v.nullish(
    v.pipe(
      v.array(quizQuestion, "Questions must be a list."),
      v.minLength(1, "A quiz needs a question."),
      v.maxLength(50, "A quiz can have at most 50 questions."),
    ),
  ),
  requiredFor: v.picklist(requiredForValues, "Required for must be mentors, mentees or both."),
  position: v.pipe(
    v.number("Position must be a number."),
    v.integer("Position must be a whole number."),
    v.minValue(0, "Position cannot be negative."),
  ),
};

export const trainingInput = v.object({
  ...trainingFields,
  position: v.optional(trainingFields.position),
});
export type TrainingInput = v.InferOutput<typeof trainingInput>;
export const trainingPatch = v.partial(v.object(trainingFields));
export type TrainingPatch = v.InferOutput<typeof trainingPatch>;

export const completionInput = v.object({
  answers: v.optional(
    v.pipe(
      v.array(
        v.pipe(
          v.number("Choose an answer for each question."),
          v.integer("Choose an answer for each question."),
        ),
        "Choose an answer for each question.",
      ),
      v.maxLength(50, "A quiz has at most 50 questions."),
    ),
  ),
});

export const resourceParam = v.object({ ...programParam.entries, resourceId });

export const trainingView = v.object({
  id: v.string(),
  title: v.string(),
  kind: v.picklist(trainingKinds),
  url: v.nullable(v.string()),
  body: v.nullable(v.string()),
  /** Right answers are shown only to those who may edit the training. */
  quiz: v.nullable(
    v.array(
      v.object({
        question: v.string(),
        options: v.array(v.string()),
        answer: v.optional(v.number()),
      }),
    ),
  ),
  requiredFor: v.picklist(requiredForValues),
  position: v.number(),
  completedByMe: v.boolean(),
});
export type TrainingView = v.InferOutput<typeof trainingView>;
export const trainingList = list(trainingView);
export type TrainingList = v.InferOutput<typeof trainingList>;

/** Required training done, for one member in their role in a program. */
export const trainingProgressView = v.object({ required: v.number(), completed: v.number() });
export type TrainingProgress = v.InferOutput<typeof trainingProgressView>;
