import { and, eq, isNotNull, max } from "drizzle-orm";
import { checkIns, matches, matchParticipants, members } from "../../../../db/tenant/schema";
import { checkInPeriods } from "../../../shared/src/domain/check-in-periods";
import type { TenantDb } from "../../../shared/src/platform/db";
import { programsById } from "../../../shared/src/reminders-sweep";
import type { SchedulerDeps } from "../sweep";

/**
 * The check-ins of active matches that came due since the last sweep: one row per match and
 * period, in the mentee's calendar. Reading a match's check-ins creates them too, so nobody
 * waits for this; the sweep makes sure they exist for reminders and reports even when no one
 * looked. Running it twice writes nothing new: (match, period) is unique.
 */
export async function createDueCheckIns(
  deps: Pick<SchedulerDeps, "now">,
  db: TenantDb,
): Promise<number> {
  const now = deps.now();
  const active = await db
    .select({
      matchId: matches.id,
      activatedAt: matches.activatedAt,
      programId: matches.programId,
      timeZone: members.timeZone,
    })
    .from(matches)
    .innerJoin(
      matchParticipants,
      and(eq(matchParticipants.matchId, matches.id), eq(matchParticipants.role, "mentee")),
    )
    .innerJoin(members, eq(members.id, matchParticipants.memberId))
    .where(and(eq(matches.status, "active"), isNotNull(matches.activatedAt)));
  const latest = await db
    .select({ matchId: checkIns.matchId, period: max(checkIns.period) })
    .from(checkIns)
    .groupBy(checkIns.matchId);
  const existing = new Map(latest.map((r) => [r.matchId, r.period ?? 0]));
  // Each program read once: its rules are parsed once, not once per pair.
  const programsOf = await programsById(
    db,
    active.map((m) => m.programId),
  );
  const due = active.flatMap((m) => {
    const program = programsOf.get(m.programId);
    if (!program) return [];
    return checkInPeriods(m.activatedAt!, m.timeZone, program.rules.checkIns, now)
      .filter((p) => p.period > (existing.get(m.matchId) ?? 0))
      .map((p) => ({
        id: `chk_${crypto.randomUUID().replaceAll("-", "")}`,
        matchId: m.matchId,
        ...p,
        createdAt: now,
      }));
  });
  // A hundred rows per statement keeps each well under SQLite's bound-variable limit.
  for (let i = 0; i < due.length; i += 100) {
    await db
      .insert(checkIns)
      .values(due.slice(i, i + 100))
      .onConflictDoNothing();
  }
  return due.length;
}
