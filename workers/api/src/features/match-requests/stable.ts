import { asc, eq } from "drizzle-orm";
import { matchChoices, matches, matchRuns } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MatchRunView, UnmatchedPerson } from "../../../../shared/src/contracts/matches";
import { stableAssign } from "../../../../shared/src/domain/matching";
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
import { blockedButPending } from "./pending";
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

  const blocked = await blockedButPending(ctx.db, program.id, cohort);
  const matched = await activeCounts(ctx.db, program.id, "mentee", [...preferences.keys()]);
  const notEligible = new Set(cohort.notEligible.map((p) => p.memberId));
  const waiting = new Set(cohort.waiting.map((w) => w.profile.memberId));
  const mentees = [...preferences.keys()].flatMap((id) => {
    const p = cohort.profiles.get(id);
    const free = !notEligible.has(id) && !waiting.has(id) && (matched.get(id) ?? 0) === 0;
    return p?.role === "mentee" && free ? [p] : [];
  });
  const outcome = stableAssign(
    {
      mentors: cohort.mentors,
      mentees,
      rules: program.rules.matching,
      now: ctx.now,
      blocked,
    },
    { requests: preferences },
  );
  const name = (id: string) => cohort.profiles.get(id)?.displayName ?? "";
  const unmatched: UnmatchedPerson[] = outcome.unmatched.map((u) => ({
    ...u,
    displayName: name(u.memberId),
  }));
  const run = {
    id: newRunId(),
    programId: program.id,
    objective: "stable" as const,
    status: "open" as const,
    total: outcome.total,
    lowest: outcome.lowest,
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
