import { evaluationResponses } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  EvaluationInput,
  EvaluationResponseView,
} from "../../../../shared/src/contracts/stewardship/evaluations";
import { evaluationAnswerProblems } from "../../../../shared/src/domain/evaluation-schedule";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import { openPair, requirePairMember } from "../pairs";
import { dueEvaluation, responseOf } from "./schedule";
import { responseView } from "./views";

/**
 * One of the pair saves their answers to a due evaluation: a draft they can change until they
 * submit it, then fixed (409). Answers are checked against the evaluation's questions and kept
 * with the rules version they answered. It works after the match closed too: that is when the
 * end-of-relationship evaluations and the exit survey come due.
 */
export async function answerEvaluation({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: EvaluationInput & { matchId: string; evaluationId: string };
}): Promise<EvaluationResponseView> {
  const pair = await openPair(ctx, input.matchId);
  const role = requirePairMember(pair);
  const evaluation = dueEvaluation(pair.program, pair.match, input.evaluationId, ctx.now);
  const key = { matchId: pair.match.id, evaluationId: evaluation.id, memberId: pair.actorId };
  const existing = await responseOf(ctx.db, key);
  if (existing?.status === "submitted") {
    throw new AppError("conflict", "You submitted this evaluation already; it can't be changed.");
  }
  const [problem] = evaluationAnswerProblems(evaluation, input.answers, input.submit);
  if (problem) throw invalidField(problem.field, problem.message);
  const row = {
    id: existing?.id ?? `evr_${crypto.randomUUID().replaceAll("-", "")}`,
    ...key,
    programId: pair.program.id,
    rulesVersion: pair.program.rulesVersion,
    answers: input.answers,
    status: input.submit ? ("submitted" as const) : ("draft" as const),
    submittedAt: input.submit ? ctx.now : null,
    createdAt: existing?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
  const { id: _id, createdAt: _createdAt, ...changes } = row;
  await ctx.db.batch([
    ctx.db
      .insert(evaluationResponses)
      .values(row)
      .onConflictDoUpdate({
        target: [
          evaluationResponses.matchId,
          evaluationResponses.evaluationId,
          evaluationResponses.memberId,
        ],
        set: changes,
      }),
    auditInsert(ctx, {
      action: input.submit ? "evaluation.submit" : "evaluation.save",
      subjectType: "match",
      subjectId: pair.match.id,
      // Never the answers: the audit log is read by admins who give no reason for reading it.
      detail: { evaluationId: evaluation.id, rulesVersion: row.rulesVersion },
    }),
  ]);
  return responseView({ ...row, id: row.id }, role);
}
