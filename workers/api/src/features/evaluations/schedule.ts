import { and, eq } from "drizzle-orm";
import { evaluationResponses } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import {
  evaluationSchedule,
  type ScheduledEvaluation,
} from "../../../../shared/src/domain/evaluation-schedule";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { Match } from "../matches";
import type { Program } from "../programs";

export type EvaluationResponse = typeof evaluationResponses.$inferSelect;

/** A match's evaluations under its program's current rules, with when each is due. */
export function scheduleOf(program: Program, match: Match): ScheduledEvaluation[] {
  return evaluationSchedule(program.rules, program, match);
}

/**
 * The evaluation this member may answer now: 404 when the match has none by that id, 409 when
 * it is not due yet (saying when it will be).
 */
export function dueEvaluation(
  program: Program,
  match: Match,
  evaluationId: string,
  now: Date,
): ScheduledEvaluation {
  const evaluation = scheduleOf(program, match).find((e) => e.id === evaluationId);
  if (!evaluation) {
    const known = program.rules.evaluations.some((e) => e.id === evaluationId);
    if (known || evaluationId === "exit_survey") {
      throw new AppError("conflict", "This evaluation is not due for this match yet.");
    }
    throw new AppError("not_found", "This match has no evaluation by that id.");
  }
  if (evaluation.dueAt > now) {
    throw new AppError(
      "conflict",
      `This evaluation opens on ${evaluation.dueAt.toISOString().slice(0, 10)}; answer it then.`,
    );
  }
  return evaluation;
}

/** One person's response to one evaluation of a match, if they began it. */
export async function responseOf(
  db: TenantDb,
  key: { matchId: string; evaluationId: string; memberId: string },
): Promise<EvaluationResponse | undefined> {
  const [row] = await db
    .select()
    .from(evaluationResponses)
    .where(
      and(
        eq(evaluationResponses.matchId, key.matchId),
        eq(evaluationResponses.evaluationId, key.evaluationId),
        eq(evaluationResponses.memberId, key.memberId),
      ),
    );
  return row;
}
