import { trainingCompletions } from "../../../../../db/tenant/schema";
import type { QuizQuestion } from "../../../../shared/src/contracts/training";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { findResource, requireParticipant } from "./access";

/** How many answers are wrong (unanswered questions count as wrong). */
export function wrongAnswers(quiz: readonly QuizQuestion[], answers: readonly number[]): number {
  return quiz.filter((q, i) => answers[i] !== q.answer).length;
}

/**
 * A participant marks training done; a quiz counts only with every answer right. Completing
 * again changes nothing.
 */
export async function completeTraining({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; resourceId: string; answers?: number[] | undefined };
}): Promise<void> {
  requireMember(ctx.actor);
  const program = await findProgram(ctx.db, input.programId);
  const resource = await findResource(ctx, program.id, input.resourceId);
  const { memberId } = await requireParticipant(ctx, program.id);
  const quiz = resource.quiz ?? [];
  if (resource.kind === "quiz" && quiz.length > 0) {
    const wrong = wrongAnswers(quiz, input.answers ?? []);
    if (wrong > 0) {
      const were = wrong === 1 ? "was" : "were";
      const message = `${wrong} of ${quiz.length} answers ${were} wrong; have another look.`;
      throw invalidField("answers", message);
    }
  }
  // The completion and its audit entry commit together; completing again changes nothing.
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(trainingCompletions)
      .values({ resourceId: resource.id, memberId, completedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ memberId: trainingCompletions.memberId });
    if (inserted.length === 0) return;
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "training.complete",
        subjectType: "training_resource",
        subjectId: resource.id,
        detail: { programId: program.id },
      },
    );
  });
}
