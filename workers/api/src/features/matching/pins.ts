import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { matches, matchParticipants, matchPins } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { PinInput, PinView } from "../../../../shared/src/contracts/matches";
import { pairKey } from "../../../../shared/src/domain/matching";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { type Cohort, checkPair, displayNames, loadCohort, madeByOf } from "../matches";
import { findProgram, type Program } from "../programs";
import { inWriteTurn } from "./write-turns";

type PinRow = typeof matchPins.$inferSelect;
const forbidReason = "A coordinator ruled this pair out";

/** A program's pins and forbids, with both people's names. */
export async function pinViews(
  db: Pick<TenantDb, "select">,
  programId: string,
): Promise<PinView[]> {
  const rows = await db
    .select()
    .from(matchPins)
    .where(eq(matchPins.programId, programId))
    .orderBy(asc(matchPins.createdAt), asc(matchPins.mentorId), asc(matchPins.menteeId));
  const names = await displayNames(
    db,
    rows.flatMap((r) => [r.mentorId, r.menteeId]),
  );
  return rows.map((r) => ({
    mentor: { memberId: r.mentorId, displayName: names.get(r.mentorId) ?? "" },
    mentee: { memberId: r.menteeId, displayName: names.get(r.menteeId) ?? "" },
    kind: r.kind,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listPins({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<{ items: PinView[] }> {
  authorize(ctx.actor, "matches:read");
  const program = await findProgram(ctx.db, input.programId);
  return { items: await pinViews(ctx.db, program.id) };
}

/**
 * Pins a pair (every run proposes them) or forbids it (no run, swap or hand match may). A pin is
 * checked like a proposal and refused with the reason when the pair is excluded; a forbid is
 * always taken, and closes any open proposal of the pair.
 */
export async function setPin({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: PinInput & { programId: string };
}): Promise<PinView> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const [existing] = await ctx.db.select().from(matchPins).where(pinWhere(program.id, input));
  if (input.kind === "pin") {
    await assertPinnable(ctx.db, program, cohort, input, existing, ctx.now);
  } else {
    assertPeople(cohort, input);
  }
  const row = {
    programId: program.id,
    mentorId: input.mentorId,
    menteeId: input.menteeId,
    kind: input.kind,
    createdBy: madeByOf(ctx.actor),
    createdAt: ctx.now,
  };
  await ctx.db.batch([
    ctx.db
      .insert(matchPins)
      .values(row)
      .onConflictDoUpdate({
        target: [matchPins.programId, matchPins.mentorId, matchPins.menteeId],
        set: { kind: row.kind, createdBy: row.createdBy, createdAt: row.createdAt },
      }),
    ...(input.kind === "forbid" ? [closeOpenProposals(ctx, program.id, input)] : []),
    auditInsert(ctx, {
      action: input.kind === "pin" ? "match_pin.pin" : "match_pin.forbid",
      subjectType: "match_pin",
      subjectId: pairKey(input.mentorId, input.menteeId),
      detail: { programId: program.id, from: existing?.kind ?? null, to: input.kind },
    }),
  ]);
  const names = await displayNames(ctx.db, [input.mentorId, input.menteeId]);
  return {
    mentor: { memberId: input.mentorId, displayName: names.get(input.mentorId) ?? "" },
    mentee: { memberId: input.menteeId, displayName: names.get(input.menteeId) ?? "" },
    kind: input.kind,
    createdAt: ctx.now.toISOString(),
  };
}

/** Removes a pin or forbid; a pair with neither is a 404. */
export async function removePin({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; mentorId: string; menteeId: string };
}): Promise<void> {
  authorize(ctx.actor, "matches:write");
  const program = await findProgram(ctx.db, input.programId);
  await inWriteTurn(ctx.db, async (tx) => {
    const removed = await tx
      .delete(matchPins)
      .where(pinWhere(program.id, input))
      .returning({ kind: matchPins.kind });
    if (removed.length === 0) {
      throw new AppError("not_found", "This pair is neither pinned nor ruled out.");
    }
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "match_pin.remove",
        subjectType: "match_pin",
        subjectId: pairKey(input.mentorId, input.menteeId),
        detail: { programId: program.id, from: removed[0]?.kind },
      },
    );
  });
}

const pinWhere = (programId: string, pair: { mentorId: string; menteeId: string }) =>
  and(
    eq(matchPins.programId, programId),
    eq(matchPins.mentorId, pair.mentorId),
    eq(matchPins.menteeId, pair.menteeId),
  );

function assertPeople(cohort: Cohort, pair: { mentorId: string; menteeId: string }) {
  if (cohort.profiles.get(pair.mentorId)?.role !== "mentor") {
    throw new AppError(
      "conflict",
      "That person is not an approved, active mentor in this program.",
    );
  }
  if (cohort.profiles.get(pair.menteeId)?.role !== "mentee") {
    throw new AppError(
      "conflict",
      "That person is not an approved, active mentee in this program.",
    );
  }
}

/**
 * A pin must name a pair that could be matched (capacity and current matches aside), and may not
 * pin a mentee twice or a mentor beyond their capacity: runs could not honour it.
 */
async function assertPinnable(
  db: Pick<TenantDb, "select">,
  program: Program,
  cohort: Cohort,
  pair: { mentorId: string; menteeId: string },
  existing: PinRow | undefined,
  now: Date,
) {
  const key = pairKey(pair.mentorId, pair.menteeId);
  if (existing?.kind === "forbid" && cohort.blocked.get(key) === forbidReason) {
    // The pin replaces the forbid: judge the pair by what else keeps it apart.
    cohort.blocked.delete(key);
    const before = await sharedMatch(db, program.id, pair);
    if (before) cohort.blocked.set(key, "They were matched before in this program");
  }
  checkPair(program, cohort, pair, now, { free: false });
  const pins = cohort.pins.filter((p) => pairKey(p.mentorId, p.menteeId) !== key);
  const other = pins.find((p) => p.menteeId === pair.menteeId);
  if (other) {
    const mentee = cohort.profiles.get(pair.menteeId)?.displayName;
    const mentor = cohort.profiles.get(other.mentorId)?.displayName ?? "another mentor";
    throw new AppError(
      "conflict",
      `${mentee} is pinned to ${mentor} already; remove that pin first.`,
    );
  }
  const capacity = program.rules.matching.mentorCapacity;
  if (pins.filter((p) => p.mentorId === pair.mentorId).length >= capacity) {
    const mentor = cohort.profiles.get(pair.mentorId)?.displayName;
    throw new AppError(
      "conflict",
      `${mentor} already has ${capacity} pinned mentees, as many as a mentor can take.`,
    );
  }
}

/** The matches (any status) that have this mentor and this mentee in the program. */
function matchesOfPair(
  db: Pick<TenantDb, "select">,
  programId: string,
  pair: { mentorId: string; menteeId: string },
) {
  const mentee = alias(matchParticipants, "mentee");
  return db
    .select({ id: matchParticipants.matchId })
    .from(matchParticipants)
    .innerJoin(mentee, eq(mentee.matchId, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.programId, programId),
        eq(matchParticipants.memberId, pair.mentorId),
        eq(matchParticipants.role, "mentor"),
        eq(mentee.memberId, pair.menteeId),
        eq(mentee.role, "mentee"),
      ),
    );
}

/** Whether the pair shared a match that keeps them apart now (as loadCohort counts them). */
async function sharedMatch(
  db: Pick<TenantDb, "select">,
  programId: string,
  pair: { mentorId: string; menteeId: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: matches.id })
    .from(matches)
    .where(
      and(
        inArray(matches.id, matchesOfPair(db, programId, pair)),
        inArray(matches.status, ["active", "pending_acceptance", "closed", "declined", "expired"]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** A forbidden pair's open proposals close: an approval must not bring them together. */
function closeOpenProposals(
  ctx: TenantCtx,
  programId: string,
  pair: { mentorId: string; menteeId: string },
) {
  return ctx.db
    .update(matches)
    .set({ status: "closed", endedAt: ctx.now, endReason: forbidReason, updatedAt: ctx.now })
    .where(
      and(
        inArray(matches.id, matchesOfPair(ctx.db, programId, pair)),
        eq(matches.status, "proposed"),
      ),
    );
}
