import { and, asc, count, eq, isNull, lte, or } from "drizzle-orm";
import { matches, matchHealth } from "../../../../db/tenant/schema";
import { refreshHealth } from "../../../api/src/features/health-signal/refresh";
import type { TenantDb } from "../../../shared/src/platform/db";

const hour = 60 * 60 * 1000;

/**
 * How old a stored signal may grow. Health counts whole days (since a meeting, to a contact
 * due), so a quarter of a day behind is close enough for the lists that read the stored
 * signal (the weekly digest); a coordinator's own reads work out what they show afresh.
 */
export const healthFreshForMs = 6 * hour;

/** Hourly full sweeps each work out this share of the pairs, so each is renewed within 6. */
const sharePerSweep = 1 / 6;

/**
 * The stored health of the active matches, renewed on the sweep's clock so the signal moves
 * with time even when nobody reads it, a share at a time: each full (hourly) sweep works out
 * the pairs with no signal yet or one older than `healthFreshForMs`, and at least a sixth of
 * the pairs, oldest first, among those an hour old or more, so the work is spread evenly over the
 * hours instead of falling on one sweep in six. Returns how many were worked out.
 */
export async function refreshAllHealth(db: TenantDb, now: Date): Promise<number> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const [active] = await db
    .select({ n: count() })
    .from(matches)
    .where(eq(matches.status, "active"));
  const candidates = await db
    .select({ id: matches.id, computedAt: matchHealth.computedAt })
    .from(matches)
    .leftJoin(matchHealth, eq(matchHealth.matchId, matches.id))
    .where(
      and(
        eq(matches.status, "active"),
        or(isNull(matchHealth.computedAt), lte(matchHealth.computedAt, before(hour))),
      ),
    )
    .orderBy(asc(matchHealth.computedAt));
  const due = candidates.filter(
    (c) => c.computedAt === null || c.computedAt < before(healthFreshForMs),
  ).length;
  const take = Math.max(due, Math.ceil((active?.n ?? 0) * sharePerSweep));
  const ids = candidates.slice(0, take).map((c) => c.id);
  let refreshed = 0;
  // A few hundred at a time: each id is a bound variable in every query of the refresh.
  for (let i = 0; i < ids.length; i += 500) {
    refreshed += (await refreshHealth(db, { matchIds: ids.slice(i, i + 500) }, now)).length;
  }
  return refreshed;
}
