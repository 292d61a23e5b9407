import { sql } from "drizzle-orm";
import { matchHealth as matchHealthTable } from "../../../../../db/tenant/schema";
import { type HealthSignal, matchHealth } from "../../../../shared/src/domain/stewardship";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { type MatchFacts, type MatchScope, readHealthFacts } from "./facts";

export type StoredHealth = typeof matchHealthTable.$inferSelect;

export interface RefreshedHealth extends Omit<MatchFacts, "facts"> {
  health: StoredHealth;
}

/** Rows per statement: five bound values each, well under SQLite's limit. */
const chunk = 100;

/**
 * Computes the health of the active matches in `scope` on `now` and stores it, replacing the
 * previous signal. Running it twice on the same facts stores the same levels and reasons.
 * The scheduler's sweep runs it for every active match; reads run it for what they show.
 */
export async function refreshHealth(
  db: TenantDb,
  scope: MatchScope,
  now: Date,
): Promise<RefreshedHealth[]> {
  const computed = (await readHealthFacts(db, scope)).map(({ facts, ...match }) => {
    const signal: HealthSignal = matchHealth(facts, now);
    const health: StoredHealth = {
      matchId: match.matchId,
      programId: match.programId,
      level: signal.level,
      reasons: signal.reasons,
      computedAt: now,
    };
    return { ...match, health };
  });
  for (let i = 0; i < computed.length; i += chunk) {
    await db
      .insert(matchHealthTable)
      .values(computed.slice(i, i + chunk).map((c) => c.health))
      .onConflictDoUpdate({
        target: matchHealthTable.matchId,
        set: {
          programId: sql`excluded.program_id`,
          level: sql`excluded.level`,
          reasons: sql`excluded.reasons`,
          computedAt: sql`excluded.computed_at`,
        },
      });
  }
  return computed;
}
