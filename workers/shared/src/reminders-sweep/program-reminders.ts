import { and, eq, inArray, ne } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import {
  enrollments,
  matches,
  matchHealth,
  matchParticipants,
  members,
  programs,
  trainingCompletions,
  trainingResources,
} from "../../../../db/tenant/schema";
import type { ProgramRules } from "../domain/program-rules";
import {
  dueReminders,
  type PairAttention,
  type ProgramSnapshot,
  type Trainee,
} from "../domain/reminders";
import type { TenantDb } from "../platform/db";
import { describeError } from "../platform/log";
import {
  addressed,
  deliveriesOf,
  knownKeys,
  type ReminderSweepDeps,
  type ReminderSweepReport,
} from "./addressed";
import { coordinatorsOf } from "./recipients";

type Reader = Pick<TenantDb, "select">;

interface RunningProgram {
  id: string;
  name: string;
  rules: ProgramRules;
}

/** Matches that hold a member's place in a program: they need no training reminder. */
const placedStatuses = ["proposed", "pending_acceptance", "active", "closing"] as const;

/**
 * Approved members of these programs still owing required training, with whether a match
 * already holds them. Four queries, whatever the number of programs and members.
 */
async function traineesOf(db: Reader, programIds: string[]) {
  const approved = await db
    .select({
      enrollmentId: enrollments.id,
      programId: enrollments.programId,
      memberId: enrollments.memberId,
      role: enrollments.role,
      decidedAt: enrollments.decidedAt,
      updatedAt: enrollments.updatedAt,
      timeZone: members.timeZone,
    })
    .from(enrollments)
    .innerJoin(members, eq(members.id, enrollments.memberId))
    .where(
      and(
        inArray(enrollments.programId, programIds),
        eq(enrollments.status, "approved"),
        eq(members.status, "active"),
      ),
    );
  const byProgram = new Map<string, Trainee[]>();
  if (approved.length === 0) return byProgram;
  const memberIds = [...new Set(approved.map((a) => a.memberId))];
  const resources = await db
    .select({
      id: trainingResources.id,
      programId: trainingResources.programId,
      requiredFor: trainingResources.requiredFor,
    })
    .from(trainingResources)
    .where(inArray(trainingResources.programId, programIds));
  const done = await db
    .select({ resourceId: trainingCompletions.resourceId, memberId: trainingCompletions.memberId })
    .from(trainingCompletions)
    .where(inArray(trainingCompletions.memberId, memberIds));
  const placed = await db
    .select({ programId: matchParticipants.programId, memberId: matchParticipants.memberId })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        inArray(matchParticipants.programId, programIds),
        inArray(matchParticipants.memberId, memberIds),
        inArray(matches.status, [...placedStatuses]),
      ),
    );
  const doneBy = new Set(done.map((d) => `${d.memberId} ${d.resourceId}`));
  const matched = new Set(placed.map((p) => `${p.programId} ${p.memberId}`));
  for (const a of approved) {
    const required = resources.filter(
      (r) => r.programId === a.programId && (r.requiredFor === "both" || r.requiredFor === a.role),
    );
    const trainee: Trainee = {
      enrollmentId: a.enrollmentId,
      person: { id: a.memberId, timeZone: a.timeZone },
      approvedAt: a.decidedAt ?? a.updatedAt,
      matched: matched.has(`${a.programId} ${a.memberId}`),
      trainingLeft: required.filter((r) => !doneBy.has(`${a.memberId} ${r.id}`)).length,
    };
    byProgram.set(a.programId, [...(byProgram.get(a.programId) ?? []), trainee]);
  }
  return byProgram;
}

/**
 * The active pairs whose stored health signal (refreshed earlier in the same sweep) is not
 * healthy, with the pair's names and the reasons in a coordinator's words. Two queries.
 */
async function pairsNeedingAttention(db: Reader, programIds: string[]) {
  const signals = await db
    .select({
      matchId: matchHealth.matchId,
      programId: matchHealth.programId,
      level: matchHealth.level,
      reasons: matchHealth.reasons,
    })
    .from(matchHealth)
    .innerJoin(matches, eq(matches.id, matchHealth.matchId))
    .where(
      and(
        inArray(matchHealth.programId, programIds),
        ne(matchHealth.level, "healthy"),
        eq(matches.status, "active"),
      ),
    );
  const byProgram = new Map<string, PairAttention[]>();
  if (signals.length === 0) return byProgram;
  const people = await db
    .select({
      matchId: matchParticipants.matchId,
      role: matchParticipants.role,
      name: members.displayName,
    })
    .from(matchParticipants)
    .innerJoin(members, eq(members.id, matchParticipants.memberId))
    .where(
      inArray(
        matchParticipants.matchId,
        signals.map((s) => s.matchId),
      ),
    );
  const nameOf = (matchId: string, role: "mentor" | "mentee") =>
    people.find((p) => p.matchId === matchId && p.role === role)?.name ?? `the ${role}`;
  for (const s of signals) {
    if (s.level === "healthy") continue;
    const pair: PairAttention = {
      matchId: s.matchId,
      mentorName: nameOf(s.matchId, "mentor"),
      menteeName: nameOf(s.matchId, "mentee"),
      level: s.level,
      reasons: s.reasons.map((r) => r.text),
    };
    byProgram.set(s.programId, [...(byProgram.get(s.programId) ?? []), pair]);
  }
  return byProgram;
}

/**
 * Each open or running program's own reminders: its approved members' training (weekly,
 * while matching waits on it) and each coordinator's Monday digest of the pairs needing
 * attention. Written like a match's reminders, keyed by the reminder, so a second sweep adds
 * nothing. One program failing is logged and skipped; the others are still reminded.
 */
export async function writeProgramReminders(
  db: TenantDb,
  deps: ReminderSweepDeps,
  report: ReminderSweepReport,
): Promise<void> {
  const running = await db
    .select({ id: programs.id, name: programs.name, rules: programs.rules })
    .from(programs)
    .where(inArray(programs.status, ["open", "running"]));
  if (running.length === 0) return;
  const ids = running.map((p) => p.id);
  const trainees = await traineesOf(db, ids);
  const attention = await pairsNeedingAttention(db, ids);
  for (const program of running) {
    try {
      report.written += await remindProgram(db, deps, program, {
        trainees: trainees.get(program.id) ?? [],
        pairsNeedingAttention: attention.get(program.id) ?? [],
      });
    } catch (err) {
      report.failed += 1;
      deps.log.error("reminders.program_failed", {
        programId: program.id,
        error: describeError(err),
      });
    }
  }
}

async function remindProgram(
  db: TenantDb,
  deps: ReminderSweepDeps,
  program: RunningProgram,
  facts: Pick<ProgramSnapshot, "trainees" | "pairsNeedingAttention">,
): Promise<number> {
  if (facts.trainees.length === 0 && facts.pairsNeedingAttention.length === 0) return 0;
  const coordinators =
    facts.pairsNeedingAttention.length > 0 ? await coordinatorsOf(db, program.id) : [];
  const reminders = dueReminders(
    {
      rules: program.rules,
      coordinatorTimeZone: coordinators[0]?.timeZone ?? "UTC",
      match: null,
      mentorRequest: null,
      program: { id: program.id, coordinators, ...facts },
    },
    deps.now,
  );
  if (reminders.length === 0) return 0;
  // Each reminder names its person (a trainee, or a coordinator for the digest).
  const all = addressed(reminders, coordinators);
  const known = await knownKeys(
    db,
    all.map((a) => a.key),
  );
  const fresh = all.filter((a) => !known.has(a.key));
  const statements = await deliveriesOf(db, deps, fresh, { program, matchId: null });
  if (statements.length > 0) {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  }
  return statements.length;
}
