import * as v from "valibot";
import { maxEvaluationText } from "../../domain/evaluation-schedule";
import { timestamp } from "../common/json";
import { programParam, resourceId } from "../common/params";

/** Evaluations of a match: what is due for whom, answers, and what they add up to. */

export const evaluationParam = v.object({ matchId: resourceId, evaluationId: resourceId });
export const matchEvaluationsParam = v.object({ matchId: resourceId });
export const evaluationSummaryParam = programParam;

const answerValue = v.union(
  [
    v.number(),
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(
        maxEvaluationText,
        `A written answer can be at most ${maxEvaluationText} characters.`,
      ),
    ),
  ],
  "Each answer is a number (a rating 1–5, a score 0–10) or text.",
);

export const evaluationInput = v.object({
  /** By question id: a rating 1–5, a score 0–10 for a recommend question, or text. */
  answers: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/, "Unknown question id.")),
      answerValue,
      "answers must be an object of answers by question id.",
    ),
    v.check((a) => Object.keys(a).length <= 20, "answers holds more answers than questions."),
  ),
  /** True sends it in: it can no longer change. Otherwise it is kept as a draft. */
  submit: v.optional(v.boolean("submit must be true or false."), false),
});
export type EvaluationInput = v.InferOutput<typeof evaluationInput>;

export const evaluationKinds = ["relationship", "program", "exit"] as const;
export const evaluationStatuses = ["not_started", "draft", "submitted"] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

const answers = v.record(v.string(), v.union([v.number(), v.string()]));

export const evaluationQuestionView = v.object({
  id: v.string(),
  label: v.string(),
  kind: v.picklist(["rating", "text", "nps"]),
});

/** An evaluation due for the signed-in member, with their draft if they began it. */
export const dueEvaluationView = v.object({
  evaluationId: v.string(),
  kind: v.picklist(evaluationKinds),
  matchId: v.string(),
  programId: v.string(),
  programName: v.string(),
  /** The other person of the match. */
  partnerName: v.string(),
  dueAt: timestamp,
  status: v.picklist(["not_started", "draft"]),
  answers,
  questions: v.array(evaluationQuestionView),
});
export type DueEvaluationView = v.InferOutput<typeof dueEvaluationView>;
export const myEvaluations = v.object({ items: v.array(dueEvaluationView) });
export type MyEvaluations = v.InferOutput<typeof myEvaluations>;

/**
 * One person's response to one evaluation. `answers` is null for a reader who may only see
 * that it exists (the partner, an integration, a coordinator who gave no reason).
 */
export const evaluationResponseView = v.object({
  evaluationId: v.string(),
  matchId: v.string(),
  memberId: v.string(),
  role: v.picklist(["mentor", "mentee"]),
  status: v.picklist(["draft", "submitted"]),
  answers: v.nullable(answers),
  rulesVersion: v.number(),
  submittedAt: v.nullable(timestamp),
  updatedAt: timestamp,
});
export type EvaluationResponseView = v.InferOutput<typeof evaluationResponseView>;
export const matchEvaluations = v.object({ items: v.array(evaluationResponseView) });
export type MatchEvaluations = v.InferOutput<typeof matchEvaluations>;

export const evaluationSummary = v.object({
  programId: v.string(),
  programName: v.string(),
  evaluations: v.array(
    v.object({
      evaluationId: v.string(),
      kind: v.picklist(evaluationKinds),
      /** Submitted responses; drafts are not counted. */
      submitted: v.number(),
      questions: v.array(
        v.object({
          ...evaluationQuestionView.entries,
          answered: v.number(),
          average: v.nullable(v.number()),
          nps: v.nullable(v.number()),
        }),
      ),
    }),
  ),
});
export type EvaluationSummary = v.InferOutput<typeof evaluationSummary>;
