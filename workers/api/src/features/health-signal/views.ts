import type {
  MatchHealthView,
  PairHealthView,
} from "../../../../shared/src/contracts/stewardship/health-signal";
import type { HealthReason } from "../../../../shared/src/contracts/stewardship/stored-shapes";
import { type HealthReasonCode, levelOf } from "../../../../shared/src/domain/stewardship";
import { accessTo, type RecordKind } from "../../../../shared/src/security/visibility";
import type { StoredHealth } from "./refresh";

interface Person {
  memberId: string;
  displayName: string;
}
/** The pair's two people, named in every view. */
export interface PairNames {
  mentor: Person;
  mentee: Person;
}

/**
 * The kind of record each reason is drawn from, so an integration reads a reason only where
 * the visibility table lets it read that record in full. Concerns and the support log have no
 * row in the table an integration could hold: reasons drawn from them stay with coordinators.
 */
const reasonSources: Record<HealthReasonCode, RecordKind | null> = {
  no_meeting: "meeting",
  short_meeting: "meeting",
  missed_meetings: "meeting",
  low_ratings: "checkInAnswers",
  falling_ratings: "checkInAnswers",
  overdue_commitments: "commitment",
  agreement_pending: "agreement",
  concern_open: null,
  contact_overdue: null,
};

function sourceOf(reason: HealthReason): RecordKind | null {
  return Object.hasOwn(reasonSources, reason.code)
    ? reasonSources[reason.code as HealthReasonCode]
    : null;
}

const coordinatorReason = (r: HealthReason) => ({
  code: r.code,
  text: r.text,
  severity: r.severity,
});

/** Coordinators: the level and every reason, in their words. */
export function coordinatorHealthView(row: StoredHealth, names: PairNames): MatchHealthView {
  return {
    matchId: row.matchId,
    ...names,
    level: row.level,
    reasons: row.reasons.map(coordinatorReason),
    computedAt: row.computedAt.toISOString(),
  };
}

/**
 * An integration: the reasons drawn from records its scopes let it read in full, and the
 * level those add up to, so a level never hints at a reason it may not read.
 */
export function integrationHealthView(
  row: StoredHealth,
  names: PairNames,
  scopes: readonly string[],
): MatchHealthView {
  const reasons = row.reasons.filter((r) => {
    const kind = sourceOf(r);
    return kind !== null && accessTo(kind, { scopes }) === "full";
  });
  return {
    ...coordinatorHealthView(row, names),
    level: levelOf(reasons),
    reasons: reasons.map(coordinatorReason),
  };
}

/**
 * The pair: only the reasons they are told, in gentle words, and the level those add up to.
 * A concern or a partner's check-in answers never show, not even as a graver level.
 */
export function pairHealthView(row: StoredHealth, names: PairNames): PairHealthView {
  const told = row.reasons.filter((r) => r.gentle !== null);
  return {
    matchId: row.matchId,
    ...names,
    level: levelOf(told),
    reasons: told.map((r) => ({ code: r.code, text: r.gentle! })),
    computedAt: row.computedAt.toISOString(),
  };
}
