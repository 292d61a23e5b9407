import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import * as v from "valibot";
import { concerns, matchParticipants } from "../../../../../db/tenant/schema";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type {
  ConcernStatus,
  ConcernSummary,
} from "../../../../shared/src/contracts/stewardship/concerns";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf } from "../../http/pagination";
import { displayNames } from "../matches";
import { requireProgramCoordinator } from "../program-coordinators";
import { findProgram } from "../programs";

// Open before acknowledged before resolved; urgent before normal before low; then the one
// waiting longest. The ranks are the sort key, so the cursor carries them.
const statusRank = sql<number>`case ${concerns.status} when 'open' then 0 when 'acknowledged' then 1 else 2 end`;
const urgencyRank = sql<number>`case ${concerns.urgency} when 'urgent' then 0 when 'normal' then 1 else 2 end`;

const rank = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2));
const queueKey = v.strictTuple([
  rank,
  rank,
  v.pipe(v.number(), v.integer(), v.minValue(0)),
  v.pipe(v.string(), v.maxLength(100)),
]);

/**
 * A program's concerns as a queue to work through, open and urgent first. It says who raised
 * each, how urgent, where it stands, never what happened: that is read in the match's
 * concerns, where the read is recorded with its reason.
 */
export async function listProgramConcerns({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; status?: ConcernStatus | undefined; limit: number; cursor?: string };
}): Promise<Page<ConcernSummary>> {
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor, queueKey);
  const program = await findProgram(ctx.db, input.programId);
  await requireProgramCoordinator(ctx, program.id);
  const beyond: SQL | undefined =
    after === null
      ? undefined
      : sql`(${statusRank}, ${urgencyRank}, ${concerns.createdAt}, ${concerns.id}) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`;
  const rows = await ctx.db
    .select({ concern: concerns, statusRank, urgencyRank })
    .from(concerns)
    .where(
      and(
        eq(concerns.programId, program.id),
        input.status === undefined ? undefined : eq(concerns.status, input.status),
        beyond,
      ),
    )
    .orderBy(statusRank, urgencyRank, asc(concerns.createdAt), asc(concerns.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (r) => [
    r.statusRank,
    r.urgencyRank,
    r.concern.createdAt.getTime(),
    r.concern.id,
  ]);
  const shown = page.items.map((r) => r.concern);
  const roles =
    shown.length === 0
      ? []
      : await ctx.db
          .select()
          .from(matchParticipants)
          .where(
            inArray(
              matchParticipants.matchId,
              shown.map((c) => c.matchId),
            ),
          );
  const names = await displayNames(
    ctx.db,
    shown.map((c) => c.raisedBy),
  );
  return {
    items: shown.map((c) => ({
      id: c.id,
      matchId: c.matchId,
      programId: c.programId,
      raisedBy: {
        memberId: c.raisedBy,
        role:
          roles.find((p) => p.matchId === c.matchId && p.memberId === c.raisedBy)?.role ?? "mentee",
        displayName: names.get(c.raisedBy) ?? "",
      },
      urgency: c.urgency,
      wantsContact: c.wantsContact,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      acknowledgedAt: c.acknowledgedAt?.toISOString() ?? null,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
