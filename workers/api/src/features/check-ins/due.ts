import { and, desc, eq, gt } from "drizzle-orm";
import { checkIns } from "../../../../../db/tenant/schema";
import {
  type CheckInCadence,
  checkInPeriods,
} from "../../../../shared/src/domain/check-in-periods";
import type { TenantDb } from "../../../../shared/src/platform/db";

export type CheckIn = typeof checkIns.$inferSelect;

interface DueMatch {
  id: string;
  status: string;
  activatedAt: Date | null;
}

/**
 * Creates the check-ins of an active match that have opened by `now` and do not exist yet, so
 * a reader never waits for the scheduler's sweep; the sweep does the same for every match.
 * Safe to race: (match, period) is unique and a second insert of a period does nothing.
 */
export async function ensureDueCheckIns(
  db: Pick<TenantDb, "select" | "insert">,
  match: DueMatch,
  menteeTimeZone: string,
  cadence: CheckInCadence,
  now: Date,
): Promise<void> {
  if (match.status !== "active" || match.activatedAt === null) return;
  const periods = checkInPeriods(match.activatedAt, menteeTimeZone, cadence, now);
  if (periods.length === 0) return;
  const [latest] = await db
    .select({ period: checkIns.period })
    .from(checkIns)
    .where(eq(checkIns.matchId, match.id))
    .orderBy(desc(checkIns.period))
    .limit(1);
  const missing = periods.filter((p) => p.period > (latest?.period ?? 0));
  if (missing.length === 0) return;
  await db
    .insert(checkIns)
    .values(missing.map((p) => ({ id: newCheckInId(), matchId: match.id, ...p, createdAt: now })))
    .onConflictDoNothing();
}

export const newCheckInId = () => `chk_${crypto.randomUUID().replaceAll("-", "")}`;

/** A match's check-ins, latest first. */
export function matchCheckInRows(db: Pick<TenantDb, "select">, matchId: string, after = 0) {
  return db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.matchId, matchId), gt(checkIns.period, after)))
    .orderBy(desc(checkIns.period));
}
