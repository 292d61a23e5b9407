import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  HealthView,
  NeedsAttentionItem,
} from "../../../../shared/src/contracts/health-signal";
import { bySeverity } from "../../../../shared/src/domain/stewardship";
import type { TenantCtx } from "../../http/app-env";
import { displayNames } from "../matches";
import { openPair, requireActive } from "../pairs";
import { findProgram } from "../programs";
import { refreshHealth, type StoredHealth } from "./refresh";
import { coordinatorHealthView, integrationHealthView, pairHealthView } from "./views";

/** Coordinators read every reason; an integration what its scopes reach. */
function staffView(ctx: TenantCtx, row: StoredHealth) {
  return ctx.actor.kind === "client"
    ? integrationHealthView(row, ctx.actor.scopes)
    : coordinatorHealthView(row);
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
  if (pair.seat === "mentor" || pair.seat === "mentee") return pairHealthView(refreshed.health);
  return staffView(ctx, refreshed.health);
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
  const refreshed = await refreshHealth(ctx.db, { programId: program.id }, ctx.now);
  const shown = refreshed
    .map((r) => ({ ...r, view: staffView(ctx, r.health) }))
    .filter((r) => r.view.level !== "healthy")
    .sort(
      (a, b) =>
        bySeverity(a.view.level, b.view.level) ||
        b.view.reasons.length - a.view.reasons.length ||
        a.matchId.localeCompare(b.matchId),
    );
  const names = await displayNames(
    ctx.db,
    shown.flatMap((r) => [r.mentorId, r.menteeId]),
  );
  const person = (memberId: string) => ({ memberId, displayName: names.get(memberId) ?? "" });
  return {
    items: shown.map((r) => ({
      ...r.view,
      mentor: person(r.mentorId),
      mentee: person(r.menteeId),
    })),
  };
}
