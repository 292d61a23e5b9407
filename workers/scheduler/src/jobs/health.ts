import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import { matches, matchHealth } from "../../../../db/tenant/schema";
import { refreshHealth } from "../../../api/src/features/health-signal/refresh";
import type { TenantDb } from "../../../shared/src/platform/db";

/**
 * How old the oldest stored signal may grow before the sweep works them all out again. Health
 * counts whole days (since a meeting, to a contact due), so a quarter of a day behind is close
 * enough for the lists that read the stored signal (the weekly digest); a coordinator's own
 * reads work out what they show afresh.
 */
export const healthFreshForMs = 6 * 60 * 60 * 1000;

/**
 * Every active match's health, computed on the sweep's clock and stored, so the signal moves
 * with time even when nobody reads it: when any active match has no signal yet or one older
 * than `healthFreshForMs`. The API's own refresh, without its routes: the same reads and rules
 * as a coordinator's list. Returns how many matches were worked out (0 when all were fresh).
 */
export async function refreshAllHealth(db: TenantDb, now: Date): Promise<number> {
  const [stale] = await db
    .select({ n: count() })
    .from(matches)
    .leftJoin(matchHealth, eq(matchHealth.matchId, matches.id))
    .where(
      and(
        eq(matches.status, "active"),
        or(
          isNull(matchHealth.computedAt),
          lt(matchHealth.computedAt, new Date(now.getTime() - healthFreshForMs)),
        ),
      ),
    );
  if (!stale?.n) return 0;
  return (await refreshHealth(db, "all", now)).length;
}
