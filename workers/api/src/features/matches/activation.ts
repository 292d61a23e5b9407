import { and, eq, inArray, ne } from "drizzle-orm";
import { matches, matchParticipants, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchReason } from "../../../../shared/src/contracts/matches";
import { summarizeRules } from "../../../../shared/src/domain/program-rules";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import type { Program } from "../programs";
import { welcomeEmail } from "./emails";
import { activateMatch, activeCounts } from "./store";

type Tx = Parameters<Parameters<TenantDb["transaction"]>[0]>[0];

export interface Activation {
  id: string;
  mentorId: string;
  menteeId: string;
  reasons: MatchReason[];
  /** Words for the audit log: how the match came to be ("approved", "accepted"…). */
  how: string;
}

/**
 * Inside the caller's transaction: makes each match active (capacity checked by the write
 * itself), writes both people's welcome to the outbox and the audit entry. A match that can no
 * longer be activated throws, so the caller's whole transaction rolls back: all or nothing.
 */
export async function activateInTx(
  tx: Tx,
  ctx: TenantCtx,
  program: Program,
  batch: readonly Activation[],
): Promise<void> {
  if (batch.length === 0) return;
  const people = await tx
    .select({
      id: members.id,
      displayName: members.displayName,
      email: members.email,
      status: members.status,
    })
    .from(members)
    .where(inArray(members.id, [...new Set(batch.flatMap((m) => [m.mentorId, m.menteeId]))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const expectations = summarizeRules(program.rules);
  const capacity = program.rules.matching.mentorCapacity;
  for (const m of batch) {
    const mentor = byId.get(m.mentorId);
    const mentee = byId.get(m.menteeId);
    if (mentor?.status !== "active" || mentee?.status !== "active") {
      throw new AppError(
        "conflict",
        `${mentor?.displayName ?? "The mentor"} or ${mentee?.displayName ?? "the mentee"} is no longer an active member; nothing was approved.`,
      );
    }
    const ok = await activateMatch(tx, { ...m, programId: program.id }, capacity, ctx.now);
    if (!ok) {
      throw await whyNotActivated(tx, program, m, [mentor.displayName, mentee.displayName]);
    }
    await supersedeOtherRequests(tx, program.id, m, ctx.now);
    for (const [to, other, role] of [
      [mentor, mentee, "mentor"],
      [mentee, mentor, "mentee"],
    ] as const) {
      const [email] = await ctx.outbox.email(
        welcomeEmail({
          to,
          other,
          role,
          orgName: ctx.tenant.name,
          programName: program.name,
          reasons: m.reasons,
          expectations,
          link: ctx.links.program(program.id),
        }),
        `match-welcome:${m.id}:${to.id}`,
      );
      await tx.run(email);
    }
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "match.activate",
        subjectType: "match",
        subjectId: m.id,
        detail: { programId: program.id, mentorId: m.mentorId, menteeId: m.menteeId, how: m.how },
      },
    );
  }
}

/**
 * Once a mentee is matched, their other open proposals and requests in the program end: no
 * mentor is left waiting to answer someone who already has a mentor.
 */
async function supersedeOtherRequests(tx: Tx, programId: string, m: Activation, now: Date) {
  const others = tx
    .select({ id: matchParticipants.matchId })
    .from(matchParticipants)
    .where(
      and(
        eq(matchParticipants.programId, programId),
        eq(matchParticipants.memberId, m.menteeId),
        eq(matchParticipants.role, "mentee"),
      ),
    );
  await tx
    .update(matches)
    .set({
      status: "closed",
      endedAt: now,
      endReason: "Matched with another mentor",
      updatedAt: now,
      expiresAt: null,
    })
    .where(
      and(
        inArray(matches.id, others),
        inArray(matches.status, ["proposed", "pending_acceptance"]),
        ne(matches.id, m.id),
      ),
    );
}

/** Why a match could not be activated, read after the refused write, in a coordinator's words. */
async function whyNotActivated(
  tx: Tx,
  program: Program,
  m: Activation,
  [mentor, mentee]: [string, string],
): Promise<AppError> {
  const [row] = await tx
    .select({ status: matches.status })
    .from(matches)
    .where(eq(matches.id, m.id));
  if (row && row.status !== "proposed" && row.status !== "pending_acceptance") {
    const now = row.status.replace("_", " ");
    return new AppError(
      "conflict",
      `The match of ${mentor} and ${mentee} is ${now} now; nothing was approved.`,
    );
  }
  const menteeActive = await activeCounts(tx, program.id, "mentee", [m.menteeId]);
  if ((menteeActive.get(m.menteeId) ?? 0) > 0) {
    return new AppError("conflict", `${mentee} already has an active match; nothing was approved.`);
  }
  const capacity = program.rules.matching.mentorCapacity;
  return new AppError(
    "conflict",
    `${mentor} has no open place left (at most ${capacity} mentees); nothing was approved.`,
  );
}
