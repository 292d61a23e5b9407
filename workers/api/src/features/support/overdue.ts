import type { OverduePair } from "../../../../shared/src/contracts/stewardship/support";
import { dayIn } from "../../../../shared/src/domain/check-in-periods";
import { contactStanding } from "../../../../shared/src/domain/stewardship";
import type { TenantCtx } from "../../http/app-env";
import { readHealthFacts } from "../health-signal";
import { displayNames } from "../matches";
import { requireProgramCoordinator } from "../program-coordinators";
import { findProgram } from "../programs";

/**
 * A program's active pairs overdue for a coordinator's contact, most overdue first, with the
 * day it fell due and the latest contact. Days are each pair's mentee's.
 */
export async function listOverduePairs({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<{ items: OverduePair[] }> {
  const program = await findProgram(ctx.db, input.programId);
  await requireProgramCoordinator(ctx, program.id);
  const pairs = await readHealthFacts(ctx.db, { programId: program.id });
  const overdue = pairs
    .map((p) => ({
      ...p,
      standing: contactStanding(
        dayIn(p.facts.activatedAt, p.facts.timeZone),
        p.facts.rules.coordinatorContact,
        p.facts.contacts,
        dayIn(ctx.now, p.facts.timeZone),
      ),
    }))
    .filter((p) => p.standing.daysOverdue > 0)
    .sort(
      (a, b) =>
        b.standing.daysOverdue - a.standing.daysOverdue || a.matchId.localeCompare(b.matchId),
    );
  const names = await displayNames(
    ctx.db,
    overdue.flatMap((p) => [p.mentorId, p.menteeId]),
  );
  const person = (memberId: string) => ({ memberId, displayName: names.get(memberId) ?? "" });
  return {
    items: overdue.map((p) => ({
      matchId: p.matchId,
      mentor: person(p.mentorId),
      mentee: person(p.menteeId),
      ...p.standing,
    })),
  };
}
