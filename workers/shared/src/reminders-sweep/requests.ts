import { and, asc, eq, gt } from "drizzle-orm";
import { matches, matchParticipants, members, programs } from "../../../../db/tenant/schema";
import { dueReminders, nextDueAt, type ReminderState } from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import { describeError } from "../platform/log";
import type { ReminderSweepDeps } from "./addressed";
import { addressed, deliveriesOf, earliest, knownKeys } from "./addressed";
import type { Contact } from "./recipients";

/**
 * Mentees' requests still waiting for their mentor's answer, soonest deadline first, with the
 * asked mentor on their own clock. Read through the (status, expires_at) index: as many rows
 * as requests are waiting, however long the tenant's history.
 */
async function pendingRequests(db: TenantDb, now: Date) {
  return db
    .select({
      id: matches.id,
      expiresAt: matches.expiresAt,
      program: { id: programs.id, name: programs.name, rules: programs.rules },
      mentorId: members.id,
      mentorTimeZone: members.timeZone,
    })
    .from(matches)
    .innerJoin(programs, eq(programs.id, matches.programId))
    .innerJoin(
      matchParticipants,
      and(eq(matchParticipants.matchId, matches.id), eq(matchParticipants.role, "mentor")),
    )
    .innerJoin(members, eq(members.id, matchParticipants.memberId))
    .where(and(eq(matches.status, "pending_acceptance"), gt(matches.expiresAt, now)))
    .orderBy(asc(matches.expiresAt));
}

/**
 * The asked mentor of each pending request is reminded once, `leadTimeHours` before it
 * expires (the engine's `request_expiring`), by the same writes as a match's reminders; the
 * link takes them to their requests. Returns the earliest moment something about a request is
 * due next: its reminder, or its expiry (when the sweep passes it on to the next choice).
 */
export async function remindPendingRequests(
  db: TenantDb,
  deps: ReminderSweepDeps,
  coordinatorsOf: (programId: string) => Promise<Contact[]>,
): Promise<{ evaluated: number; written: number; failed: number; nextDueAt: Date | null }> {
  const outcome = { evaluated: 0, written: 0, failed: 0, nextDueAt: null as Date | null };
  for (const request of await pendingRequests(db, deps.now)) {
    outcome.evaluated += 1;
    try {
      const coordinators = await coordinatorsOf(request.program.id);
      const state: ReminderState = {
        rules: request.program.rules,
        coordinatorTimeZone: coordinators[0]?.timeZone ?? "UTC",
        match: null,
        mentorRequest: {
          id: request.id,
          mentor: { id: request.mentorId, timeZone: request.mentorTimeZone },
          expiresAt: request.expiresAt!,
        },
      };
      outcome.nextDueAt = earliest(
        outcome.nextDueAt,
        nextDueAt(state, deps.now),
        request.expiresAt,
      );
      const reminders = addressed(dueReminders(state, deps.now), []);
      const known = await knownKeys(
        db,
        reminders.map((r) => r.key),
      );
      const fresh = reminders.filter((r) => !known.has(r.key));
      const about = { program: request.program, matchId: null };
      const statements = await deliveriesOf(db, deps, fresh, about);
      if (statements.length > 0) await db.batch([statements[0]!, ...statements.slice(1)]);
      outcome.written += statements.length;
    } catch (err) {
      outcome.failed += 1;
      deps.log.error("reminders.request_failed", {
        requestId: request.id,
        error: describeError(err),
      });
    }
  }
  return outcome;
}
