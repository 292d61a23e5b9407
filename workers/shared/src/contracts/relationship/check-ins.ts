import * as v from "valibot";
import { answeredBy, checkInQuestionKinds } from "../../domain/program-rules/vocab";
import { timestamp } from "../common/json";
import { page, pageQuery } from "../common/pagination";
import { programParam, resourceId } from "../common/params";
import { commitmentOwners, pairParam } from "./commitments";

/**
 * Check-ins: short questions each person answers every few weeks, read by their author and
 * coordinators, never by the other person of the pair; and the coordinator tasks a request
 * for contact opens.
 */

/** `{period}` is a check-in's number; anything else names no check-in (404, not 400). */
export const checkInParam = v.object({ ...pairParam.entries, period: resourceId });

export const maxTextAnswer = 2000;

const answerValue = v.union(
  [
    v.number(),
    v.boolean(),
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(maxTextAnswer, `A text answer can be at most ${maxTextAnswer} characters.`),
    ),
  ],
  "Each answer is a rating (1–5), true or false, or text.",
);

export const checkInResponseInput = v.object({
  /** By question id: a rating 1–5, true/false for a yes/no question, or text. */
  answers: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/, "Unknown question id.")),
      answerValue,
      "answers must be an object of answers by question id.",
    ),
    v.check((a) => Object.keys(a).length <= 20, "answers holds more answers than questions."),
  ),
});
export type CheckInResponseInput = v.InferOutput<typeof checkInResponseInput>;

const answers = v.record(v.string(), v.union([v.number(), v.boolean(), v.string()]));

export const checkInQuestionView = v.object({
  id: v.string(),
  label: v.string(),
  kind: v.picklist(checkInQuestionKinds),
});

const person = v.object({
  memberId: v.string(),
  role: v.picklist(commitmentOwners),
  displayName: v.string(),
});

/**
 * One person's part in a check-in, as far as the reader may see it: their own and, for
 * coordinators, everyone's answers; for integrations only whether and when they answered.
 */
export const checkInPersonView = v.object({
  ...person.entries,
  answered: v.boolean(),
  submittedAt: v.nullable(timestamp),
  updatedAt: v.nullable(timestamp),
  /** null when unanswered or not the reader's to see. */
  answers: v.nullable(answers),
});

export const checkInStatuses = ["open", "closed"] as const;

export const checkInView = v.object({
  id: v.string(),
  period: v.number(),
  opensOn: v.string(),
  closesOn: v.string(),
  status: v.picklist(checkInStatuses),
  people: v.array(checkInPersonView),
});
export type CheckInView = v.InferOutput<typeof checkInView>;

/** A match's check-ins, latest first, with the questions they ask and who answers them. */
export const matchCheckIns = v.object({
  matchId: v.string(),
  answeredBy: v.picklist(answeredBy),
  questions: v.array(checkInQuestionView),
  items: v.array(checkInView),
});
export type MatchCheckIns = v.InferOutput<typeof matchCheckIns>;

/** A check-in the signed-in member has to answer (or may still change) now. */
export const myCheckInView = v.object({
  checkInId: v.string(),
  matchId: v.string(),
  programId: v.string(),
  programName: v.string(),
  role: v.picklist(commitmentOwners),
  partner: v.object({ memberId: v.string(), displayName: v.string() }),
  period: v.number(),
  opensOn: v.string(),
  closesOn: v.string(),
  answered: v.boolean(),
  answers: v.nullable(answers),
  questions: v.array(checkInQuestionView),
});
export type MyCheckInView = v.InferOutput<typeof myCheckInView>;
export const myCheckIns = v.object({ items: v.array(myCheckInView) });

export const checkInResponseView = v.object({
  checkInId: v.string(),
  matchId: v.string(),
  period: v.number(),
  memberId: v.string(),
  answers,
  submittedAt: timestamp,
  updatedAt: timestamp,
  /** Whether this answer asked a coordinator to get in touch. */
  contactRequested: v.boolean(),
});
export type CheckInResponseView = v.InferOutput<typeof checkInResponseView>;

export const coordinatorTaskStatuses = ["open", "done"] as const;

export const coordinatorTaskView = v.object({
  id: v.string(),
  programId: v.string(),
  matchId: v.string(),
  kind: v.picklist(["contact_requested"]),
  /** Who asked, and the other person of their pair. */
  member: person,
  partner: person,
  /** The check-in the request came from. */
  period: v.nullable(v.number()),
  status: v.picklist(coordinatorTaskStatuses),
  createdAt: timestamp,
  doneAt: v.nullable(timestamp),
  doneBy: v.nullable(v.string()),
});
export type CoordinatorTaskView = v.InferOutput<typeof coordinatorTaskView>;
export const coordinatorTaskPage = page(coordinatorTaskView);

export const coordinatorTasksQuery = v.object({
  ...pageQuery.entries,
  status: v.optional(
    v.picklist(coordinatorTaskStatuses, 'status must be "open" or "done".'),
    "open",
  ),
});
export const coordinatorTaskParam = v.object({ ...programParam.entries, taskId: resourceId });
