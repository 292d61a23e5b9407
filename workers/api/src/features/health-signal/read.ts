import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  HealthView,
  NeedsAttentionItem,
} from "../../../../shared/src/contracts/stewardship/health-signal";
import { bySeverity } from "../../../../shared/src/domain/stewardship";
import type { TenantCtx } from "../../http/app-env";
import { displayNames } from "../matches";
import { openPair, requireActive } from "../pairs";
import { requireProgramCoordinator } from "../program-coordinators";
import { findProgram } from "../programs";
import { refreshHealth, type StoredHealth } from "./refresh";
import {
  coordinatorHealthView,
  integrationHealthView,
  type PairNames,
  pairHealthView,
} from "./views";

/** Coordinators read every reason; an integration what its scopes reach. */
function staffView(ctx: TenantCtx, row: StoredHealth, names: PairNames) {
  return ctx.actor.kind === "client"
    ? integrationHealthView(row, names, ctx.actor.scopes)
    : coordinatorHealthView(row, names);
}

/** Names the two people of each pair. */
async function namer(ctx: TenantCtx, pairs: readonly { mentorId: string; menteeId: string }[]) {
  const names = await displayNames(
    ctx.db,
    pairs.flatMap((p) => [p.mentorId, p.menteeId]),
  );
  const person = (memberId: string) => ({ memberId, displayName: names.get(memberId) ?? "" });
  return (p: { mentorId: string; menteeId: string }): PairNames => ({
    mentor: person(p.mentorId),
    mentee: person(p.menteeId),
  });
}

/**
 * One match's health, computed afresh: coordinators read it whole, integrations what their
 * scopes reach, the pair the reasons they are told in their own words.
 */
export async function getMatchHealth({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<HealthView> {
  const pair = await openPair(ctx, input.matchId);
  requireActive(pair);
  const [refreshed] = await refreshHealth(ctx.db, { matchId: pair.match.id }, ctx.now);
  if (!refreshed) {
    throw new AppError("conflict", "This match has not begun yet; its health starts when it does.");
  }
  const names = (await namer(ctx, [refreshed]))(refreshed);
  if (pair.seat === "mentor" || pair.seat === "mentee") {
    return pairHealthView(refreshed.health, names);
  }
  return staffView(ctx, refreshed.health, names);
}

/**
 * A program's active pairs that need attention: at risk first, then those needing attention,
 * the ones with more reasons first within each. Healthy pairs are left out. Every pair's
 * signal is computed afresh in one pass and stored.
 */
export async function listNeedsAttention({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<{ items: NeedsAttentionItem[] }> {
  const program = await findProgram(ctx.db, input.programId);
  await requireProgramCoordinator(ctx, program.id);
  const refreshed = await refreshHealth(ctx.db, { programId: program.id }, ctx.now);
  const namesOf = await namer(ctx, refreshed);
  const items = refreshed
    .map((r) => staffView(ctx, r.health, namesOf(r)))
    .filter((view) => view.level !== "healthy")
    .sort(
      (a, b) =>
        bySeverity(a.level, b.level) ||
        b.reasons.length - a.reasons.length ||
        a.matchId.localeCompare(b.matchId),
    );
  return { items };
}
