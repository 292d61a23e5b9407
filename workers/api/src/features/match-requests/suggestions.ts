import type { SuggestionList } from "../../../../shared/src/contracts/matches";
import { pairKey, scorePair } from "../../../../shared/src/domain/matching";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { loadCohort } from "../matches";
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
  const rules = program.rules.matching;
  const items: SuggestionList["items"] = [];
  const excluded: SuggestionList["excluded"] = [];
  for (const mentor of cohort.mentors) {
    const { profile } = mentor;
    const person = { memberId: profile.memberId, displayName: profile.displayName };
    const blocked = cohort.blocked.get(pairKey(profile.memberId, me.memberId));
    const scored = scorePair(profile, me, rules, ctx.now);
    if (blocked || scored.excluded) {
      const reason = blocked ?? scored.reasons.map((r) => r.text).join("; ");
      excluded.push({ ...person, reason });
      continue;
    }
    items.push({
      ...person,
      role: "mentor",
      score: scored.score,
      reasons: scored.reasons,
      openPlaces: mentor.capacity,
    });
  }
  items.sort((a, b) => b.score - a.score || (a.memberId < b.memberId ? -1 : 1));
  return { memberId, role: "mentee", items: items.slice(0, input.limit), excluded };
}
