import type { feedback } from "../../../../../db/tenant/schema";
import type { FeedbackView } from "../../../../shared/src/contracts/relationship/feedback";
import type { Pair } from "../pairs";

export type Feedback = typeof feedback.$inferSelect;

export const directionOf = (pair: Pair, row: Pick<Feedback, "recipientId">) =>
  row.recipientId === pair.mentorId ? ("toMentor" as const) : ("toMentee" as const);

export function feedbackView(pair: Pair, row: Feedback): FeedbackView {
  return {
    id: row.id,
    matchId: row.matchId,
    meetingId: row.meetingId,
    authorId: row.authorId,
    recipientId: row.recipientId,
    direction: directionOf(pair, row),
    answers: { workingWell: row.answers.workingWell, support: row.answers.support },
    note: row.note,
    sharedWithCoordinators: row.sharedWithCoordinators,
    createdAt: row.createdAt.toISOString(),
  };
}
