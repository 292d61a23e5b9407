import { and, asc, eq } from "drizzle-orm";
import { commitments } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  CommitmentList,
  CommitmentView,
} from "../../../../shared/src/contracts/relationship/commitments";
import { dayIn } from "../../../../shared/src/domain/check-in-periods";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { accessOf, type Pair } from "../pairs";
import { doneOnTime, followThrough } from "./follow-through";
import { type PairPerson, pairPeople } from "./people";

export type Commitment = typeof commitments.$inferSelect;

export function commitmentView(row: Commitment, owner: PairPerson, now: Date): CommitmentView {
  return {
    id: row.id,
    matchId: row.matchId,
    meetingId: row.meetingId,
    text: row.text,
    owner: row.ownerRole,
    ownerId: row.ownerId,
    dueOn: row.dueOn,
    done: row.doneAt !== null,
    doneAt: row.doneAt?.toISOString() ?? null,
    doneOnTime: doneOnTime(row, owner.timeZone),
    overdue: row.doneAt === null && row.dueOn < dayIn(now, owner.timeZone),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findCommitment(
  db: Pick<TenantDb, "select">,
  pair: Pair,
  id: string,
): Promise<Commitment> {
  const [row] = await db
    .select()
    .from(commitments)
    .where(and(eq(commitments.id, id), eq(commitments.matchId, pair.match.id)));
  if (!row) throw new AppError("not_found", "No such commitment in this match.");
  return row;
}

/** One commitment as the caller sees it, its owner's calendar deciding what is late. */
export async function viewOne(ctx: TenantCtx, pair: Pair, row: Commitment) {
  const people = await pairPeople(ctx.db, pair);
  return commitmentView(row, people[row.ownerRole], ctx.now);
}

/**
 * A pair's commitments, open ones first (soonest due first) then done ones (latest done
 * first), each as far as the visibility table lets the caller see it, with both people's
 * follow-through.
 */
export async function commitmentList(ctx: TenantCtx, pair: Pair): Promise<CommitmentList> {
  const rows = await ctx.db
    .select()
    .from(commitments)
    .where(eq(commitments.matchId, pair.match.id))
    .orderBy(asc(commitments.dueOn), asc(commitments.createdAt), asc(commitments.id));
  const people = await pairPeople(ctx.db, pair);
  const visible = rows.filter((r) => accessOf(ctx, pair, "commitment", r.createdBy) !== "none");
  const open = visible.filter((r) => r.doneAt === null);
  const done = visible
    .filter((r) => r.doneAt !== null)
    .sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime());
  return {
    items: [...open, ...done].map((r) => {
      const view = commitmentView(r, people[r.ownerRole], ctx.now);
      // "aggregate" readers learn that it exists and when, never what was promised.
      return accessOf(ctx, pair, "commitment", r.createdBy) === "full"
        ? view
        : { ...view, text: "" };
    }),
    followThrough: [people.mentor, people.mentee].map((p) => followThrough(p, visible, ctx.now)),
  };
}
