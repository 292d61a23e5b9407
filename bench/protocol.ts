/** What the bench's child processes (bench/servers.ts) and the parent (bench/run.ts) share. */

export const memberCount = 50;
export const tenantSlug = "bench-org";
/** The statement `listMembers` sends for `?limit=25` (limit + 1 rows, to find the next page). */
export const membersSql =
  "SELECT id, email, display_name, role, status, time_zone FROM members ORDER BY id LIMIT 26";

export interface RawResult {
  completed: number;
  errors: number;
  perSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  /** CPU time (user + system, all threads) per completed query during the measured phase. */
  cpuMicros: number;
  firstError?: string;
}

export type ChildMessage =
  | { type: "ready"; url: string; token?: string; tenantDbUrl?: string }
  | { type: "result"; result: RawResult }
  | { type: "failed"; error: string };
