import * as v from "valibot";
import { timestamp } from "../common/json";
import { resourceId } from "../common/params";

/** Feedback between the two people of a pair. */

export const maxFeedbackAnswer = 2000;

const answer = (label: string) =>
  v.optional(
    v.pipe(
      v.string(`${label} must be text.`),
      v.trim(),
      v.maxLength(maxFeedbackAnswer, `${label} can be at most ${maxFeedbackAnswer} characters.`),
    ),
    "",
  );

export const feedbackInput = v.object({
  answers: v.pipe(
    v.object(
      {
        workingWell: answer("The answer to what is working well"),
        support: answer("The answer to how to better support you"),
      },
      "answers must be an object with workingWell and support.",
    ),
    v.check(
      (a) => a.workingWell !== "" || a.support !== "",
      "Answer at least one of the two questions.",
    ),
  ),
  note: v.optional(
    v.pipe(
      v.string("Note must be text."),
      v.trim(),
      v.maxLength(maxFeedbackAnswer, `Note can be at most ${maxFeedbackAnswer} characters.`),
    ),
    "",
  ),
  /** The meeting it is about: one the pair held. */
  meetingId: v.optional(resourceId),
  /** Lets the program's coordinators read the text too; otherwise they only see that it flows. */
  shareWithCoordinators: v.optional(
    v.boolean("shareWithCoordinators must be true or false."),
    false,
  ),
});
export type FeedbackInput = v.InferOutput<typeof feedbackInput>;

export const feedbackDirections = ["toMentor", "toMentee"] as const;
export type FeedbackDirection = (typeof feedbackDirections)[number];

export const feedbackView = v.object({
  id: v.string(),
  matchId: v.string(),
  meetingId: v.nullable(v.string()),
  authorId: v.string(),
  recipientId: v.string(),
  direction: v.picklist(feedbackDirections),
  answers: v.object({ workingWell: v.string(), support: v.string() }),
  note: v.string(),
  sharedWithCoordinators: v.boolean(),
  createdAt: timestamp,
});
export type FeedbackView = v.InferOutput<typeof feedbackView>;

/**
 * A pair's feedback as the reader may see it: `items` holds only what they may read in full
 * (for coordinators, what its author shared); `summary` counts all of it, per direction.
 */
export const feedbackList = v.object({
  items: v.array(feedbackView),
  summary: v.array(
    v.object({
      direction: v.picklist(feedbackDirections),
      count: v.number(),
      lastAt: v.nullable(timestamp),
    }),
  ),
  questions: v.object({ workingWell: v.string(), support: v.string() }),
});
export type FeedbackList = v.InferOutput<typeof feedbackList>;
