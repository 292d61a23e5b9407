import { asc, eq } from "drizzle-orm";
import { evaluationResponses } from "../../../../../db/tenant/schema";
import type { MatchEvaluations } from "../../../../shared/src/contracts/stewardship/evaluations";
import type { TenantCtx } from "../../http/app-env";
import { accessOf, openPair, type Pair, recordPairRead } from "../pairs";
import { responseView } from "./views";

/**
 * A match's evaluation responses as the visibility table lets the caller see them. Each of
 * the pair reads their own answers, drafts included, and only whether the other submitted.
 * A coordinator who says why (the Read-Reason header) reads the submitted answers, and the
 * read is recorded for the pair to see; without a reason, and for integrations, only who
 * submitted what and when.
 */
export async function listMatchEvaluations({
  ctx,
  input,
  readReason,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
  readReason: string | undefined;
}): Promise<MatchEvaluations> {
  const pair = await openPair(ctx, input.matchId);
  const coordinatorReads =
    pair.seat === "coordinator" &&
    readReason !== undefined &&
    accessOf(ctx, pair, "evaluation", null) === "full";
  if (coordinatorReads) await recordPairRead(ctx, pair, "evaluations", readReason);
  const rows = await ctx.db
    .select()
    .from(evaluationResponses)
    .where(eq(evaluationResponses.matchId, pair.match.id))
    .orderBy(asc(evaluationResponses.createdAt), asc(evaluationResponses.id));
  const items = rows.flatMap((row) => {
    const access = accessOf(ctx, pair, "evaluation", row.memberId);
    const role = roleOf(pair, row.memberId);
    if (row.memberId === pair.actorId) return [responseView(row, role)];
    if (row.status !== "submitted") return [];
    const withAnswers = access === "full" && (pair.seat !== "coordinator" || coordinatorReads);
    return [responseView(row, role, withAnswers)];
  });
  return { items };
}

const roleOf = (pair: Pair, memberId: string) =>
  memberId === pair.mentorId ? ("mentor" as const) : ("mentee" as const);
