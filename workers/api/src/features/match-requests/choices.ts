import { and, eq } from "drizzle-orm";
import { matchChoices, matches } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { ChoicesInput, MyChoicesView } from "../../../../shared/src/contracts/matches";
import {
  activeCount,
  contactsOf,
  deadline,
  pendingRequestOf,
  requestAudit,
  requestWithdrawnEmail,
  sendNextRequest,
} from "../../../../shared/src/matching-requests";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { checkPair, loadCohort, pairOf } from "../matches";
import { findProgram } from "../programs";
import { asMentee, choosingProgram, requestDeps } from "./program";
import { choicesOf } from "./views";

type Input = { programId: string };

export async function getMyChoices({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: Input;
}): Promise<MyChoicesView> {
  const { memberId } = requireMember(ctx.actor);
  const program = await findProgram(ctx.db, input.programId);
  const choices = await choicesOf(ctx.db, program.id, [memberId]);
  return { programId: program.id, choices: choices.get(memberId) ?? [] };
}

/**
 * A mentee names up to three mentors in order. Each is checked like any pair (approved
 * mentor, rules, exclusions, an open place); the choices are stored and the first is asked at
 * once, with an email to that mentor. Choosing again while a request waits is refused: the
 * mentee withdraws it first.
 */
export async function chooseMentors({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ChoicesInput & Input;
}): Promise<MyChoicesView> {
  const { memberId } = requireMember(ctx.actor);
  const program = await choosingProgram(ctx, input.programId);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const me = asMentee(cohort, memberId);
  const pending = await pendingRequestOf(ctx.db, program.id, memberId);
  if (pending) {
    const { mentorId } = await pairOf(ctx.db, pending.id);
    const name = cohort.profiles.get(mentorId)?.displayName ?? "your mentor";
    const until = pending.expiresAt ? ` until ${deadline(pending.expiresAt)}` : "";
    throw new AppError(
      "conflict",
      `Your request to ${name} is waiting for their answer${until}; withdraw your choices before choosing again.`,
    );
  }
  if ((await activeCount(ctx.db, program.id, memberId, "mentee")) > 0) {
    throw new AppError("conflict", "You already have a mentor in this program.");
  }
  for (const [i, mentorId] of input.mentorIds.entries()) {
    const mentor = cohort.profiles.get(mentorId);
    if (mentor?.role !== "mentor") {
      throw new AppError(
        "conflict",
        `Choice ${i + 1} (${mentor?.displayName ?? mentorId}) is not an approved, active mentor in this program.`,
      );
    }
    checkPair(program, cohort, { mentorId, menteeId: me.memberId }, ctx.now);
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(matchChoices)
      .where(and(eq(matchChoices.programId, program.id), eq(matchChoices.menteeId, memberId)));
    await tx.insert(matchChoices).values(
      input.mentorIds.map((mentorId, i) => ({
        programId: program.id,
        menteeId: memberId,
        rank: i + 1,
        mentorId,
        createdAt: ctx.now,
      })),
    );
    const sent = await sendNextRequest(tx, requestDeps(ctx), program, memberId, 0);
    if (sent.next.kind === "none") {
      const why = sent.skipped.map((s) => `${s.mentorName}: ${s.reason}`).join("; ");
      throw new AppError("conflict", `None of these mentors can be asked now (${why}).`);
    }
  });
  return getMyChoices({ ctx, input });
}

/**
 * The mentee withdraws: the request waiting for an answer is closed (its mentor is told) and
 * the choices are cleared. Withdrawing with nothing to withdraw changes nothing.
 */
export async function withdrawChoices({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: Input;
}): Promise<MyChoicesView> {
  const { memberId } = requireMember(ctx.actor);
  const program = await findProgram(ctx.db, input.programId);
  const pending = await pendingRequestOf(ctx.db, program.id, memberId);
  const pair = pending ? await pairOf(ctx.db, pending.id) : null;
  await ctx.db.transaction(async (tx) => {
    if (pending && pair) {
      const closed = await tx
        .update(matches)
        // No endedAt: a request that never began ended no relationship, so the program's
        // rematch wait (counted from ended matches) does not hold the mentee back.
        .set({ status: "closed", endReason: "Withdrawn by the mentee", updatedAt: ctx.now })
        .where(and(eq(matches.id, pending.id), eq(matches.status, "pending_acceptance")))
        .returning({ id: matches.id });
      if (closed.length === 1) {
        const people = await contactsOf(tx, [pair.mentorId, pair.menteeId]);
        const mentor = people.get(pair.mentorId);
        if (mentor) {
          const [email] = await ctx.outbox.email(
            requestWithdrawnEmail({
              orgName: ctx.tenant.name,
              programName: program.name,
              link: ctx.links.program(program.id),
              mentor,
              menteeName: people.get(pair.menteeId)?.displayName ?? "The mentee",
            }),
            `match-request-withdrawn:${pending.id}`,
          );
          await tx.run(email);
        }
        await requestAudit(tx, requestDeps(ctx), "match.withdraw", pending.id, {
          programId: program.id,
          ...pair,
        });
      }
    }
    await tx
      .delete(matchChoices)
      .where(and(eq(matchChoices.programId, program.id), eq(matchChoices.menteeId, memberId)));
  });
  return { programId: program.id, choices: [] };
}
