import { databaseFault, type TenantDb } from "../../../../shared/src/platform/db";

type Tx = Parameters<Parameters<TenantDb["transaction"]>[0]>[0];

const attempts = 4;
const pauseMs = [30, 80, 160];

/**
 * A write transaction that waits its turn: when another one holds the database (two approvals
 * of the same program at once, say), it is tried again a few times before the busy answer goes
 * out. Safe because the whole transaction, outbox rows included, is undone on failure; the
 * retried one then judges what the first one left (a full mentor answers 409, not 503).
 */
export async function inWriteTurn<T>(db: TenantDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (err) {
      if (attempt >= attempts || databaseFault(err)?.kind !== "busy") throw err;
      await new Promise((resolve) => setTimeout(resolve, pauseMs[attempt - 1]));
    }
  }
}
