import { and, eq } from "drizzle-orm";
import { evaluationResponses } from "../../../../../db/tenant/schema";
import type { EvaluationSummary } from "../../../../shared/src/contracts/stewardship/evaluations";
import type { EvaluationAnswers } from "../../../../shared/src/contracts/stewardship/stored-shapes";
import {
  type EvaluationTemplate,
  exitSurvey,
  summarizeAnswers,
} from "../../../../shared/src/domain/evaluation-schedule";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { findProgram } from "../programs";

/**
 * What a program's submitted evaluations add up to, per evaluation of its current rules (and
 * the exit survey): how many submitted, each question's answer count, average rating and NPS.
 * Aggregates only: no one's answers, no text.
 */
export async function summarizeEvaluations({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<EvaluationSummary> {
  authorize(ctx.actor, "matches:read");
  const program = await findProgram(ctx.db, input.programId);
  const rows = await ctx.db
    .select({
      evaluationId: evaluationResponses.evaluationId,
      answers: evaluationResponses.answers,
    })
    .from(evaluationResponses)
    .where(
      and(
        eq(evaluationResponses.programId, program.id),
        eq(evaluationResponses.status, "submitted"),
      ),
    );
  const answersOf = new Map<string, EvaluationAnswers[]>();
  for (const row of rows) {
    answersOf.set(row.evaluationId, [...(answersOf.get(row.evaluationId) ?? []), row.answers]);
  }
  const templates: EvaluationTemplate[] = program.rules.evaluations.map((e) => ({
    id: e.id,
    kind: e.kind,
    questions: e.template.questions,
  }));
  if (program.rules.closure.exitSurvey || answersOf.has(exitSurvey.id)) templates.push(exitSurvey);
  return {
    programId: program.id,
    programName: program.name,
    evaluations: templates.map((template) => {
      const answers = answersOf.get(template.id) ?? [];
      return {
        evaluationId: template.id,
        kind: template.kind,
        submitted: answers.length,
        questions: summarizeAnswers(template, answers),
      };
    }),
  };
}
