import { and, eq, inArray } from "drizzle-orm";
import { meetings } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MeetingView } from "../../../../shared/src/contracts/relationship/meetings";
import type { OutboxInsert } from "../../../../shared/src/platform/outbox";
import type { TenantCtx } from "../../http/app-env";
import { type AuditEntry, auditInsert } from "../audit";
import type { Pair } from "../pairs";
import { findMeeting } from "./store";
import { meetingViews } from "./views";

type Meeting = typeof meetings.$inferSelect;
type MeetingStatus = Meeting["status"];

const changedMeanwhile = () =>
  new AppError("conflict", "This meeting changed meanwhile; reload it and try again.");

/**
 * Writes a change to a meeting, its audit entry and the emails it causes in one transaction,
 * if the meeting is still in one of `from` (and, when given, at the sequence it was read at):
 * of two concurrent changes only one wins, and the other's email and audit roll back with it.
 * Returns the meeting as the caller now sees it.
 */
export async function changeMeeting(
  ctx: TenantCtx,
  pair: Pair,
  meeting: Meeting,
  change: Partial<typeof meetings.$inferInsert>,
  guard: { from: MeetingStatus[]; sameSequence: boolean },
  audit: Omit<AuditEntry, "subjectType" | "subjectId">,
  notices: readonly OutboxInsert[] = [],
): Promise<MeetingView> {
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(meetings)
      .set(change)
      .where(
        and(
          eq(meetings.id, meeting.id),
          inArray(meetings.status, guard.from),
          guard.sameSequence ? eq(meetings.sequence, meeting.sequence) : undefined,
        ),
      )
      .returning({ id: meetings.id });
    if (!updated) throw changedMeanwhile();
    await auditInsert(
      { ...ctx, db: tx },
      { ...audit, subjectType: "meeting", subjectId: meeting.id },
    );
    for (const notice of notices) await tx.run(notice);
  });
  const [view] = await meetingViews(ctx, pair, [await findMeeting(ctx.db, pair, meeting.id)]);
  return view!;
}
