import type { SuggestionList } from "../../../../shared/src/contracts/matches";
import { suggest } from "../../../../shared/src/domain/matching";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { loadCohort } from "../matches";
import { blockedButPending } from "./pending";
import { asMentee, choosingProgram } from "./program";

/**
 * The mentors a mentee could ask, best first, each with the reasons for its score and their
 * open places (0: at capacity now); those the rules or the program's history rule out are
 * listed apart with the reason.
 */
export async function mySuggestions({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; limit: number };
}): Promise<SuggestionList> {
  const { memberId } = requireMember(ctx.actor);
  const program = await choosingProgram(ctx, input.programId);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const me = asMentee(cohort, memberId);
  const capacity = new Map(cohort.mentors.map((m) => [m.profile.memberId, m.capacity]));
  const found = suggest(
    me,
    "mentee",
    cohort.mentors.map((m) => m.profile),
    program.rules.matching,
    ctx.now,
    {
      limit: input.limit,
      blocked: await blockedButPending(ctx.db, program.id, cohort, memberId),
      capacity,
      includeExcluded: true,
    },
  );
  const items = found.suggestions.map(({ atCapacity: _, ...s }) => ({
    ...s,
    role: "mentor" as const,
    openPlaces: capacity.get(s.memberId) ?? 0,
  }));
  const excluded = found.excluded.map(({ reasons, ...person }) => ({
    ...person,
    reason: reasons.map((r) => r.text).join("; "),
  }));
  return { memberId, role: "mentee", items, excluded };
}
