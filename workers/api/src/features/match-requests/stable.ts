import { and, asc, eq } from "drizzle-orm";
import {
  matchChoices,
  matches,
  matchParticipants,
  matchRuns,
} from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchRunView, UnmatchedPerson } from "../../../../shared/src/contracts/matches";
import { pairKey } from "../../../../shared/src/domain/matching";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import {
  activeCounts,
  insertMatch,
  loadCohort,
  madeByOf,
  matchViews,
  newMatchId,
} from "../matches";
import { deferredAcceptance } from "./deferred-acceptance";
import { choosingProgram } from "./program";

const newRunId = () => `run_${crypto.randomUUID().replaceAll("-", "")}`;

/**
 * Resolves every mentee's choices at once, fairly: mentee-proposing deferred acceptance over
 * their lists, mentors preferring higher scores, within each mentor's open places. The result
 * is an open run of proposals (objective "stable") the coordinator approves like any run;
 * approving them ends the requests still waiting.
 */
export async function resolveStable({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<MatchRunView> {
  authorize(ctx.actor, "matches:write");
  const program = await choosingProgram(ctx, input.programId);
  const cohort = await loadCohort(ctx.db, program, ctx.now);
  const choices = await ctx.db
    .select()
    .from(matchChoices)
    .where(eq(matchChoices.programId, program.id))
    .orderBy(asc(matchChoices.menteeId), asc(matchChoices.rank));
  if (choices.length === 0) {
    throw new AppError(
      "conflict",
      "No mentee has chosen mentors yet; there is nothing to resolve.",
    );
  }
  const preferences = new Map<string, string[]>();
  for (const c of choices)
    preferences.set(c.menteeId, [...(preferences.get(c.menteeId) ?? []), c.mentorId]);

  // A request still waiting blocks its own pair in the cohort; here it is one of the choices.
  const blocked = new Map(cohort.blocked);
  for (const pair of await pendingPairs(ctx, program.id))
    blocked.delete(pairKey(pair.mentorId, pair.menteeId));
  const matched = await activeCounts(ctx.db, program.id, "mentee", [...preferences.keys()]);
  const notEligible = new Set(cohort.notEligible.map((p) => p.memberId));
  const waiting = new Set(cohort.waiting.map((w) => w.profile.memberId));
  const mentees = [...preferences.keys()].flatMap((id) => {
    const p = cohort.profiles.get(id);
    const free = !notEligible.has(id) && !waiting.has(id) && (matched.get(id) ?? 0) === 0;
    return p?.role === "mentee" && free ? [p] : [];
  });
  const outcome = deferredAcceptance({
    mentors: cohort.mentors,
    mentees,
    preferences,
    rules: program.rules.matching,
    now: ctx.now,
    blocked,
  });

  const name = (id: string) => cohort.profiles.get(id)?.displayName ?? "";
  const taken = new Map<string, number>();
  for (const p of outcome.pairs) taken.set(p.mentorId, (taken.get(p.mentorId) ?? 0) + 1);
  const unmatched: UnmatchedPerson[] = [
    ...outcome.unmatched.map((u) => ({
      ...u,
      displayName: name(u.memberId),
      role: "mentee" as const,
    })),
    ...cohort.mentors.flatMap(({ profile, capacity }) => {
      const open = capacity - (taken.get(profile.memberId) ?? 0);
      if (open <= 0) return [];
      const reason = `${open} open place${open === 1 ? "" : "s"}`;
      return [
        {
          memberId: profile.memberId,
          displayName: profile.displayName,
          role: "mentor" as const,
          reason,
        },
      ];
    }),
  ];
  const scores = outcome.pairs.map((p) => p.score);
  const run = {
    id: newRunId(),
    programId: program.id,
    objective: "stable" as const,
    status: "open" as const,
    total: scores.reduce((a, b) => a + b, 0),
    lowest: scores.length > 0 ? Math.min(...scores) : null,
    unmatched,
    createdBy: madeByOf(ctx.actor),
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const rankOf = (menteeId: string, mentorId: string) =>
    (preferences.get(menteeId) ?? []).indexOf(mentorId) + 1;
  const ids = outcome.pairs.map(() => newMatchId());
  await ctx.db.transaction(async (tx) => {
    await tx.insert(matchRuns).values(run);
    for (const [i, pair] of outcome.pairs.entries()) {
      const [match, people] = insertMatch(
        tx,
        {
          programId: program.id,
          ...pair,
          status: "proposed",
          mode: "mentee_chooses",
          runId: run.id,
          choiceRank: rankOf(pair.menteeId, pair.mentorId),
        },
        { id: ids[i]!, by: run.createdBy, at: ctx.now },
      );
      await match;
      await people;
    }
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "match.run",
        subjectType: "match_run",
        subjectId: run.id,
        detail: { programId: program.id, objective: "stable", proposals: ids.length },
      },
    );
  });
  const rows = await ctx.db.select().from(matches).where(eq(matches.runId, run.id));
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return {
    id: run.id,
    programId: program.id,
    objective: run.objective,
    status: run.status,
    total: run.total,
    lowest: run.lowest,
    proposals: await matchViews(ctx.db, rows),
    unmatched,
    createdAt: ctx.now.toISOString(),
  };
}

/** The pairs of the program's requests still waiting for their mentor. */
async function pendingPairs(ctx: TenantCtx, programId: string) {
  const rows = await ctx.db
    .select({
      matchId: matches.id,
      memberId: matchParticipants.memberId,
      role: matchParticipants.role,
    })
    .from(matches)
    .innerJoin(matchParticipants, eq(matchParticipants.matchId, matches.id))
    .where(and(eq(matches.programId, programId), eq(matches.status, "pending_acceptance")));
  const pairs = new Map<string, { mentorId: string; menteeId: string }>();
  for (const r of rows) {
    const pair = pairs.get(r.matchId) ?? { mentorId: "", menteeId: "" };
    if (r.role === "mentor") pair.mentorId = r.memberId;
    else pair.menteeId = r.memberId;
    pairs.set(r.matchId, pair);
  }
  return [...pairs.values()];
}
