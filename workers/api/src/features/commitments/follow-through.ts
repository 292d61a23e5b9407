import type { FollowThroughView } from "../../../../shared/src/contracts/relationship/commitments";
import { type CalendarDay, dayIn } from "../../../../shared/src/domain/check-in-periods";
import type { PairPerson } from "./people";

export interface CommitmentFacts {
  ownerId: string;
  dueOn: CalendarDay;
  doneAt: Date | null;
}

/** Done on or before its day, as the owner's own calendar reads the moment it was done. */
export function doneOnTime(c: CommitmentFacts, timeZone: string): boolean | null {
  return c.doneAt === null ? null : dayIn(c.doneAt, timeZone) <= c.dueOn;
}

/**
 * A person's follow-through rate: of their commitments that count so far, the share done on
 * or before their day. One counts once it is done or its day has passed, so a commitment due
 * today is not held against anyone before the day is over, and one done early counts at once.
 */
export function followThrough(
  person: PairPerson,
  commitments: readonly CommitmentFacts[],
  now: Date,
): FollowThroughView {
  const today = dayIn(now, person.timeZone);
  let counted = 0;
  let kept = 0;
  for (const c of commitments) {
    if (c.ownerId !== person.memberId) continue;
    if (c.doneAt === null && c.dueOn >= today) continue;
    counted++;
    if (doneOnTime(c, person.timeZone)) kept++;
  }
  return {
    memberId: person.memberId,
    role: person.role,
    displayName: person.displayName,
    counted,
    doneOnTime: kept,
    rate: counted === 0 ? null : kept / counted,
  };
}
