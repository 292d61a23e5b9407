import * as v from "valibot";
import { list } from "./common/pagination";
import { programParam, resourceId } from "./common/params";

/** Training payloads, shared by the API and the web client. */

export const trainingKinds = ["link", "document", "quiz"] as const;
export const requiredForValues = ["mentor", "mentee", "both"] as const;

const quizQuestion = v.object({
  question: v.pipe(v.string("question must be text."), v.trim(), v.nonEmpty(), v.maxLength(500)),
  options: v.pipe(
    v.array(
      v.pipe(v.string("Each option must be text."), v.trim(), v.nonEmpty(), v.maxLength(200)),
    ),
    v.minLength(2, "A question needs at least 2 options."),
    v.maxLength(10, "A question may have at most 10 options."),
  ),
  answer: v.pipe(v.number("answer must be an option's index."), v.integer(), v.minValue(0)),
});
export type QuizQuestion = v.InferOutput<typeof quizQuestion>;

const trainingFields = {
  title: v.pipe(
    v.string("title must be text."),
    v.trim(),
    v.nonEmpty("title is required."),
    v.maxLength(200),
  ),
  kind: v.picklist(trainingKinds, 'kind must be "link", "document" or "quiz".'),
  url: v.nullish(
    v.pipe(
      v.string("url must be text."),
      v.url("url must be a web address."),
      v.startsWith("https://", "url must start with https://."),
      v.maxLength(2000),
    ),
  ),
  body: v.nullish(v.pipe(v.string("body must be text."), v.maxLength(20_000))),
  quiz: v.nullish(
    v.pipe(
      v.array(quizQuestion, "quiz must be a list."),
      v.minLength(1, "A quiz needs a question."),
      v.maxLength(50),
    ),
  ),
  requiredFor: v.picklist(requiredForValues, 'requiredFor must be "mentor", "mentee" or "both".'),
  position: v.pipe(v.number("position must be a number."), v.integer(), v.minValue(0)),
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
        v.pipe(v.number("Each answer must be a number."), v.integer()),
        "answers must be a list.",
      ),
      v.maxLength(50),
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
