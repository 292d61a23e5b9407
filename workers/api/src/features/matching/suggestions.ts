import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { SuggestionList, SuggestionView } from "../../../../shared/src/contracts/matches";
import { type MatchProfile, suggest } from "../../../../shared/src/domain/matching";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { type Cohort, loadCohort } from "../matches";
import { findProgram, type Program } from "../programs";

/**
 * Ranked, explained candidates for one person of the program: mentors (with their open places)
 * for a mentee, mentees still to match for a mentor. Candidates who can never be matched with
 * them are listed apart, with why.
 */
export async function getSuggestions({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; memberId: string; limit: number };
}): Promise<SuggestionList> {
  authorize(ctx.actor, "matches:read");
  const program = await findProgram(ctx.db, input.programId);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const person = cohort.profiles.get(input.memberId);
  if (!person) {
    throw new AppError("not_found", "No approved, active member of this program has that id.");
  }
  const { items, excluded } = candidatesFor(program, cohort, person, person.role, ctx.now, {
    limit: input.limit,
    includeExcluded: true,
  });
  return { memberId: person.memberId, role: person.role, items, excluded };
}

/** The best candidates for someone, as the API shows them. */
export function candidatesFor(
  program: Program,
  cohort: Cohort,
  person: MatchProfile,
  role: "mentor" | "mentee",
  now: Date,
  {
    limit,
    includeExcluded = false,
    openOnly = false,
  }: {
    limit: number;
    includeExcluded?: boolean;
    /** Only mentors with an open place (the board proposes what can be done now). */
    openOnly?: boolean;
  },
) {
  const places = new Map(cohort.mentors.map((m) => [m.profile.memberId, m.capacity]));
  const candidates =
    role === "mentee"
      ? cohort.mentors.filter((m) => !openOnly || m.capacity > 0).map((m) => m.profile)
      : cohort.mentees;
  const found = suggest(person, role, candidates, program.rules.matching, now, {
    limit,
    blocked: cohort.blocked,
    capacity: places,
    includeExcluded,
  });
  const items: SuggestionView[] = found.suggestions.map((s) => ({
    memberId: s.memberId,
    displayName: s.displayName,
    role: role === "mentee" ? "mentor" : "mentee",
    score: s.score,
    reasons: s.reasons,
    openPlaces: role === "mentee" ? (places.get(s.memberId) ?? 0) : null,
  }));
  const excluded = found.excluded.map((e) => ({
    memberId: e.memberId,
    displayName: e.displayName,
    reason: e.reasons.map((r) => r.text).join("; "),
  }));
  return { items, excluded };
}
