import type { EvaluationResponseView } from "../../../../shared/src/contracts/stewardship/evaluations";
import type { EvaluationResponse } from "./schedule";

/** A response as a reader sees it; `withAnswers` false leaves only that it exists, and when. */
export function responseView(
  row: EvaluationResponse,
  role: "mentor" | "mentee",
  withAnswers = true,
): EvaluationResponseView {
  return {
    evaluationId: row.evaluationId,
    matchId: row.matchId,
    memberId: row.memberId,
    role,
    status: row.status,
    answers: withAnswers ? row.answers : null,
    rulesVersion: row.rulesVersion,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
