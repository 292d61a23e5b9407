import { refreshHealth } from "../../../api/src/features/health-signal/refresh";
import type { TenantDb } from "../../../shared/src/platform/db";

/**
 * Every active match's health, computed on the sweep's clock and stored, so the signal moves
 * with time (days without a meeting, a contact falling due) even when nobody reads it. The
 * API's own refresh, without its routes: the same reads and rules as a coordinator's list.
 */
export async function refreshAllHealth(db: TenantDb, now: Date): Promise<number> {
  return (await refreshHealth(db, "all", now)).length;
}
