import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import {
  auditLog,
  matchChoices,
  matches,
  matchParticipants,
  matchPins,
  type programs,
} from "../../../../db/tenant/schema";
import type { MatchReason } from "../contracts/matches";
import { scorePair } from "../domain/matching";
import type { TenantDb } from "../platform/db";
import type { Outbox } from "../platform/outbox";
import { type Actor, auditActor } from "../security/actor";
import { type NextStep, requestEmail } from "./emails";
import { type Participant, participantsOf } from "./profiles";

export type Tx = Parameters<Parameters<TenantDb["transaction"]>[0]>[0];
export type Program = typeof programs.$inferSelect;

const day = 24 * 60 * 60 * 1000;

/** What the write paths shared by the API and the sweep need besides the transaction. */
export interface RequestDeps {
  now: Date;
  outbox: Outbox;
  orgName: string;
  /** The program's page for emails; null where no public address is known. */
  programLink: (programId: string) => string;
  /** Who acts (made_by, the audit log); null for the sweep. */
  actor: Actor | null;
}

export const newRequestId = () => `mat_${crypto.randomUUID().replaceAll("-", "")}`;

/** Whether mentees' choices are honoured in this program now. */
export function takesChoices(program: Program): boolean {
  const { enabled, mode } = program.rules.matching;
  return enabled && mode === "mentee_chooses" && ["open", "running"].includes(program.status);
}

/** How many active matches a member holds in the program in this role. */
export async function activeCount(
  db: Pick<TenantDb, "select">,
  programId: string,
  memberId: string,
  role: "mentor" | "mentee",
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.programId, programId),
        eq(matchParticipants.memberId, memberId),
        eq(matchParticipants.role, role),
        eq(matches.status, "active"),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Why this mentor cannot be asked for this mentee now, or their score and reasons. */
async function askable(
  tx: Tx,
  program: Program,
  mentor: Participant | undefined,
  mentee: Participant,
  now: Date,
): Promise<{ reason: string } | { score: number; reasons: MatchReason[] }> {
  if (mentor?.role !== "mentor") {
    return { reason: "no longer an approved, active mentor in this program" };
  }
  const [pin] = await tx
    .select({ kind: matchPins.kind })
    .from(matchPins)
    .where(
      and(
        eq(matchPins.programId, program.id),
        eq(matchPins.mentorId, mentor.memberId),
        eq(matchPins.menteeId, mentee.memberId),
        eq(matchPins.kind, "forbid"),
      ),
    );
  if (pin) return { reason: "a coordinator ruled this pair out" };
  const mentorMatches = tx
    .select({ id: matchParticipants.matchId })
    .from(matchParticipants)
    .where(
      and(eq(matchParticipants.memberId, mentor.memberId), eq(matchParticipants.role, "mentor")),
    );
  const [before] = await tx
    .select({ status: matches.status })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.programId, program.id),
        eq(matchParticipants.memberId, mentee.memberId),
        eq(matchParticipants.role, "mentee"),
        inArray(matchParticipants.matchId, mentorMatches),
        inArray(matches.status, ["pending_acceptance", "active", "declined", "expired", "closed"]),
      ),
    );
  if (before) return { reason: "you two were matched, or your request answered, before" };
  const scored = scorePair(mentor, mentee, program.rules.matching, now);
  if (scored.excluded) return { reason: scored.reasons.map((r) => r.text).join("; ") };
  const capacity = program.rules.matching.mentorCapacity;
  if ((await activeCount(tx, program.id, mentor.memberId, "mentor")) >= capacity) {
    return { reason: "no open place left" };
  }
  return { score: scored.score, reasons: scored.reasons };
}

export interface Passed {
  next: NextStep & { matchId?: string };
  /** Choices passed over on the way, and why. */
  skipped: { mentorName: string; reason: string }[];
}

/**
 * Sends the mentee's request to their next choice after `afterRank` that can still be asked:
 * a pending_acceptance match with its score, reasons and deadline, and an email to the mentor,
 * all inside the caller's transaction. Nothing is sent while the mentee has an active match or
 * a request waiting, or is no longer in the program.
 */
export async function sendNextRequest(
  tx: Tx,
  deps: RequestDeps,
  program: Program,
  menteeId: string,
  afterRank: number,
): Promise<Passed> {
  const none: Passed = { next: { kind: "none" }, skipped: [] };
  const choices = await tx
    .select()
    .from(matchChoices)
    .where(
      and(
        eq(matchChoices.programId, program.id),
        eq(matchChoices.menteeId, menteeId),
        gt(matchChoices.rank, afterRank),
      ),
    )
    .orderBy(asc(matchChoices.rank));
  if (choices.length === 0 || !takesChoices(program)) return none;
  const people = await participantsOf(tx, program.id, [
    menteeId,
    ...choices.map((c) => c.mentorId),
  ]);
  const mentee = people.get(menteeId);
  if (mentee?.role !== "mentee") return none;
  if ((await activeCount(tx, program.id, menteeId, "mentee")) > 0) return none;
  if (await pendingRequestOf(tx, program.id, menteeId)) return none;
  for (const choice of choices) {
    const mentor = people.get(choice.mentorId);
    const ask = await askable(tx, program, mentor, mentee, deps.now);
    if ("reason" in ask) {
      none.skipped.push({ mentorName: mentor?.displayName ?? "A mentor", reason: ask.reason });
      continue;
    }
    const id = newRequestId();
    const expiresAt = new Date(
      deps.now.getTime() + program.rules.matching.acceptanceWindowDays * day,
    );
    await tx.insert(matches).values({
      id,
      programId: program.id,
      status: "pending_acceptance",
      mode: "mentee_chooses",
      score: ask.score,
      reasons: ask.reasons,
      madeBy: deps.actor ? auditActor(deps.actor).actorId : null,
      runId: null,
      choiceRank: choice.rank,
      expiresAt,
      createdAt: deps.now,
      updatedAt: deps.now,
    });
    await tx.insert(matchParticipants).values([
      { matchId: id, memberId: choice.mentorId, role: "mentor", programId: program.id },
      { matchId: id, memberId: menteeId, role: "mentee", programId: program.id },
    ]);
    const [email] = await deps.outbox.email(
      requestEmail({
        orgName: deps.orgName,
        programName: program.name,
        link: deps.programLink(program.id),
        mentor: mentor!,
        mentee,
        score: ask.score,
        reasons: ask.reasons,
        expiresAt,
      }),
      `match-request:${id}`,
    );
    await tx.run(email);
    await requestAudit(tx, deps, "match.request", id, {
      programId: program.id,
      mentorId: choice.mentorId,
      menteeId,
      rank: choice.rank,
    });
    return {
      next: {
        kind: "sent",
        matchId: id,
        mentorName: mentor!.displayName,
        rank: choice.rank,
        expiresAt,
      },
      skipped: none.skipped,
    };
  }
  return none;
}

/** The mentee's request waiting for a mentor's answer in the program, if any. */
export async function pendingRequestOf(
  db: Pick<TenantDb, "select">,
  programId: string,
  menteeId: string,
): Promise<typeof matches.$inferSelect | undefined> {
  const [row] = await db
    .select({ match: matches })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.programId, programId),
        eq(matchParticipants.memberId, menteeId),
        eq(matchParticipants.role, "mentee"),
        eq(matches.status, "pending_acceptance"),
      ),
    )
    .limit(1);
  return row?.match;
}

/** An audit entry of a request's life, by the acting member or client, or by the sweep. */
export function requestAudit(
  db: Pick<TenantDb, "insert">,
  deps: Pick<RequestDeps, "now" | "actor">,
  action: string,
  matchId: string,
  detail: Record<string, unknown>,
) {
  const who = deps.actor ? auditActor(deps.actor) : { actorType: "system" as const, actorId: null };
  return db
    .insert(auditLog)
    .values({ at: deps.now, ...who, action, subjectType: "match", subjectId: matchId, detail });
}
