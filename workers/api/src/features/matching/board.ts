import type { MatchingBoard } from "../../../../shared/src/contracts/matches";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { loadCohort } from "../matches";
import { findProgram } from "../programs";
import { pinViews } from "./pins";
import { openRunOf } from "./runs-store";
import { candidatesFor } from "./suggestions";

/** How many candidates the board shows under each unmatched mentee. */
const bestPerMentee = 3;

/**
 * The coordinator's view of a program's matching: each mentor's active matches and open
 * places, every mentee still without a mentor with their best candidates among mentors who have
 * room (those waiting after a recent match say until when), who cannot be matched yet, the pins
 * and forbids, and the run waiting for approval.
 */
export async function getBoard({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<MatchingBoard> {
  authorize(ctx.actor, "matches:read");
  const program = await findProgram(ctx.db, input.programId);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const best = (profile: (typeof cohort.mentees)[number]) =>
    candidatesFor(program, cohort, profile, "mentee", ctx.now, {
      limit: bestPerMentee,
      openOnly: true,
    }).items;
  const byName = <T extends { displayName: string; memberId: string }>(a: T, b: T) =>
    a.displayName.localeCompare(b.displayName) || a.memberId.localeCompare(b.memberId);
  return {
    programId: program.id,
    mode: program.rules.matching.mode,
    mentorCapacity: program.rules.matching.mentorCapacity,
    mentors: cohort.mentors
      .map((m) => ({
        memberId: m.profile.memberId,
        displayName: m.profile.displayName,
        active: m.active,
        openPlaces: m.capacity,
      }))
      .sort(byName),
    unmatchedMentees: [
      ...cohort.mentees.map((p) => ({
        memberId: p.memberId,
        displayName: p.displayName,
        best: best(p),
        waitingUntil: null,
      })),
      ...cohort.waiting.map((w) => ({
        memberId: w.profile.memberId,
        displayName: w.profile.displayName,
        best: best(w.profile),
        waitingUntil: w.until.toISOString(),
      })),
    ].sort(byName),
    notEligible: cohort.notEligible
      .map((p) => ({
        memberId: p.memberId,
        displayName: p.displayName,
        role: p.role,
        reason: p.reason,
      }))
      .sort(byName),
    pins: await pinViews(ctx.db, program.id),
    openRunId: await openRunOf(ctx.db, program.id),
  };
}
