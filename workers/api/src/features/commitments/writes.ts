import { and, eq } from "drizzle-orm";
import { commitments, meetings } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  CommitmentChange,
  CommitmentInput,
  CommitmentView,
} from "../../../../shared/src/contracts/relationship/commitments";
import { dayIn } from "../../../../shared/src/domain/check-in-periods";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { requireAgreement } from "../agreements";
import { auditInsert } from "../audit";
import { openPair, type Pair, requireActive } from "../pairs";
import { pairPeople } from "./people";
import { findCommitment, viewOne } from "./views";

/**
 * Who may change a pair's commitments: its two people and integrations holding meetings:write
 * (the route lets no other integration in). Coordinators read them and leave them to the pair.
 */
async function openForWrite(ctx: TenantCtx, matchId: string): Promise<Pair> {
  const pair = await openPair(ctx, matchId);
  if (pair.seat === "coordinator") {
    throw new AppError(
      "forbidden",
      "Commitments are the pair's own: coordinators read them, the pair records and ticks them off.",
    );
  }
  requireActive(pair);
  await requireAgreement(ctx.db, pair);
  return pair;
}

function checkDueOn(ctx: TenantCtx, timeZone: string, dueOn: string) {
  if (dueOn < dayIn(ctx.now, timeZone)) {
    throw invalidField("dueOn", "dueOn is in the past for its owner; choose today or later.");
  }
}

export async function createCommitment({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: CommitmentInput & { matchId: string };
}): Promise<CommitmentView> {
  const pair = await openForWrite(ctx, input.matchId);
  const owner = (await pairPeople(ctx.db, pair))[input.owner];
  checkDueOn(ctx, owner.timeZone, input.dueOn);
  if (input.meetingId !== undefined) {
    const [meeting] = await ctx.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.matchId, pair.match.id)));
    if (!meeting) throw invalidField("meetingId", "meetingId names no meeting of this pair.");
  }
  const id = `cmt_${crypto.randomUUID().replaceAll("-", "")}`;
  await ctx.db.batch([
    ctx.db.insert(commitments).values({
      id,
      matchId: pair.match.id,
      meetingId: input.meetingId ?? null,
      text: input.text,
      ownerId: owner.memberId,
      ownerRole: owner.role,
      dueOn: input.dueOn,
      createdBy: pair.actorId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }),
    auditInsert(ctx, {
      action: "commitment.create",
      subjectType: "commitment",
      subjectId: id,
      detail: { matchId: pair.match.id, owner: owner.role, dueOn: input.dueOn },
    }),
  ]);
  return viewOne(ctx, pair, await findCommitment(ctx.db, pair, id));
}

export async function changeCommitment({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: CommitmentChange & { matchId: string; id: string };
}): Promise<CommitmentView> {
  const pair = await openForWrite(ctx, input.matchId);
  const row = await findCommitment(ctx.db, pair, input.id);
  if (input.dueOn !== undefined && input.dueOn !== row.dueOn) {
    const owner = (await pairPeople(ctx.db, pair))[row.ownerRole];
    checkDueOn(ctx, owner.timeZone, input.dueOn);
  }
  const change = {
    ...(input.text === undefined ? {} : { text: input.text }),
    ...(input.dueOn === undefined ? {} : { dueOn: input.dueOn }),
  };
  await ctx.db.batch([
    ctx.db
      .update(commitments)
      .set({ ...change, updatedAt: ctx.now })
      .where(eq(commitments.id, row.id)),
    auditInsert(ctx, {
      action: "commitment.update",
      subjectType: "commitment",
      subjectId: row.id,
      detail: {
        matchId: pair.match.id,
        fields: Object.keys(change),
        ...(change.dueOn ? { dueOn: { from: row.dueOn, to: change.dueOn } } : {}),
      },
    }),
  ]);
  return viewOne(ctx, pair, await findCommitment(ctx.db, pair, row.id));
}

/** Ticks a commitment off, or reopens it; doing either twice changes nothing more. */
export async function markCommitment({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; id: string; done: boolean };
}): Promise<CommitmentView> {
  const pair = await openForWrite(ctx, input.matchId);
  const row = await findCommitment(ctx.db, pair, input.id);
  if ((row.doneAt !== null) !== input.done) {
    await ctx.db.batch([
      ctx.db
        .update(commitments)
        .set({ doneAt: input.done ? ctx.now : null, updatedAt: ctx.now })
        .where(eq(commitments.id, row.id)),
      auditInsert(ctx, {
        action: input.done ? "commitment.done" : "commitment.undone",
        subjectType: "commitment",
        subjectId: row.id,
        detail: { matchId: pair.match.id, dueOn: row.dueOn },
      }),
    ]);
  }
  return viewOne(ctx, pair, await findCommitment(ctx.db, pair, row.id));
}
