import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { type OutboxRow, outbox } from "../../../../db/tenant/schema";
import type { TenantDb } from "../../../shared/src/platform/db";
import { type AfterFailure, leaseMs } from "./retry";

/**
 * Takes up to `limit` due rows for this deliverer, in one conditional UPDATE: each row's
 * attempts go up by one and its next_attempt_at moves to the end of a lease. SQLite runs the
 * statement whole under its write lock, so a second deliverer running at the same time finds
 * those rows no longer due and takes none of them. A deliverer that dies mid-send leaves its
 * rows to be taken over once the lease ends.
 */
export function claimDue(db: TenantDb, now: Date, limit: number): Promise<OutboxRow[]> {
  const due = and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now));
  const oldestDue = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(due)
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit);
  return db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + leaseMs),
    })
    .where(and(inArray(outbox.id, oldestDue), due))
    .returning();
}

/**
 * Records how a claimed row's attempt ended. `attempts` fences the write: if the lease ran
 * out and another deliverer took the row over, its count moved on and this write does
 * nothing. The payload is cleared once sent: the links in it are nobody's business after.
 */
export async function settle(
  db: TenantDb,
  claimed: Pick<OutboxRow, "id" | "attempts">,
  outcome: { status: "sent" } | AfterFailure,
  now: Date,
): Promise<void> {
  const fence = and(
    eq(outbox.id, claimed.id),
    eq(outbox.attempts, claimed.attempts),
    eq(outbox.status, "pending"),
  );
  const change =
    outcome.status === "sent"
      ? { status: "sent" as const, sentAt: now, payload: null, lastError: null }
      : outcome;
  await db.update(outbox).set(change).where(fence);
}
