import { and, eq, inArray } from "drizzle-orm";
import { matches, matchParticipants, matchPins } from "../../../../../db/tenant/schema";
import type { ProgramRole } from "../../../../shared/src/contracts/enrollments";
import type { MatchStatus } from "../../../../shared/src/contracts/matches";
import { type MatchProfile, pairKey } from "../../../../shared/src/domain/matching";
import { participantsOf } from "../../../../shared/src/matching-requests";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { eligibleForMatching } from "../enrollments";
import type { Program } from "../programs";
import { trainingProgress } from "../training";

const day = 24 * 60 * 60 * 1000;

export interface CohortMentor {
  profile: MatchProfile;
  active: number;
  /** Places left under the program's capacity. */
  capacity: number;
}

/** Who can be matched in a program now, and what keeps pairs apart. */
export interface Cohort {
  mentors: CohortMentor[];
  /** Eligible mentees with no active match or open request, past any rematch wait. */
  mentees: MatchProfile[];
  /** Mentees whose last match ended too recently to be matched again. */
  waiting: { profile: MatchProfile; until: Date }[];
  /** Mentees with an active match or a request waiting for a mentor. */
  taken: Set<string>;
  notEligible: { memberId: string; displayName: string; role: ProgramRole; reason: string }[];
  /** `${mentorId}|${menteeId}` → why the pair may never be proposed. */
  blocked: Map<string, string>;
  pins: { mentorId: string; menteeId: string }[];
  /** Every approved, active participant's profile, mentors and mentees. */
  profiles: Map<string, MatchProfile & { role: ProgramRole }>;
}

/**
 * Why an earlier match keeps a pair apart, if it does: a relationship that began (active or
 * closed), a decline or a lapsed request. A request still waiting, a withdrawn request or a
 * proposal that was replaced leaves the pair free.
 */
function pastPairReason(status: MatchStatus, began: boolean): string | undefined {
  if (status === "active" || status === "closing") return "They are matched already";
  if (status === "declined") return "The mentor declined this mentee's request before";
  if (status === "expired") return "The mentor let this mentee's request lapse before";
  if (status === "closed" && began) return "They were matched before in this program";
  return undefined;
}

export async function loadCohort(db: TenantDb, program: Program, now: Date): Promise<Cohort> {
  const people = [...(await participantsOf(db, program.id)).values()];
  const progress = await trainingProgress(db, program.id, people);
  const gated = program.rules.training.requiredBeforeMatching;
  const held = await db
    .select({ match: matches, memberId: matchParticipants.memberId, role: matchParticipants.role })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(
      and(
        eq(matchParticipants.programId, program.id),
        inArray(matches.status, [
          "active",
          "closing",
          "pending_acceptance",
          "closed",
          "declined",
          "expired",
        ]),
      ),
    );
  const pins = await db.select().from(matchPins).where(eq(matchPins.programId, program.id));

  const cohort: Cohort = {
    mentors: [],
    mentees: [],
    waiting: [],
    taken: new Set(),
    notEligible: [],
    blocked: new Map(),
    pins: pins.filter((p) => p.kind === "pin"),
    profiles: new Map(),
  };
  const activeAsMentor = new Map<string, number>();
  const lastEnded = new Map<string, number>();
  const pairs = new Map<
    string,
    { mentor?: string; mentee?: string; status: MatchStatus; began: boolean }
  >();
  for (const { match, memberId, role } of held) {
    const pair = pairs.get(match.id) ?? { status: match.status, began: match.activatedAt !== null };
    pair[role] = memberId;
    pairs.set(match.id, pair);
    // A match wrapping up still holds its people.
    const holds = match.status === "active" || match.status === "closing";
    if (holds && role === "mentor") {
      activeAsMentor.set(memberId, (activeAsMentor.get(memberId) ?? 0) + 1);
    }
    if (role === "mentee" && (holds || match.status === "pending_acceptance")) {
      cohort.taken.add(memberId);
    }
    // Only a relationship that began starts the rematch wait: not a withdrawn request.
    if (role === "mentee" && match.status === "closed" && match.activatedAt && match.endedAt) {
      lastEnded.set(memberId, Math.max(lastEnded.get(memberId) ?? 0, match.endedAt.getTime()));
    }
  }
  for (const { mentor, mentee, status, began } of pairs.values()) {
    const why = pastPairReason(status, began);
    if (mentor && mentee && why) cohort.blocked.set(pairKey(mentor, mentee), why);
  }
  for (const pin of pins) {
    if (pin.kind === "forbid") {
      cohort.blocked.set(pairKey(pin.mentorId, pin.menteeId), "A coordinator ruled this pair out");
    }
  }

  const capacity = program.rules.matching.mentorCapacity;
  const waitMs = program.rules.closure.rematchWaitDays * day;
  for (const p of people) {
    cohort.profiles.set(p.memberId, p);
    const training = progress.get(p.memberId) ?? { required: 0, completed: 0 };
    if (!eligibleForMatching("approved", training, gated)) {
      const left = training.required - training.completed;
      cohort.notEligible.push({
        memberId: p.memberId,
        displayName: p.displayName,
        role: p.role,
        reason: `Required training not done (${left} of ${training.required} left)`,
      });
      continue;
    }
    if (p.role === "mentor") {
      const active = activeAsMentor.get(p.memberId) ?? 0;
      cohort.mentors.push({ profile: p, active, capacity: Math.max(0, capacity - active) });
      continue;
    }
    if (cohort.taken.has(p.memberId)) continue;
    const ended = lastEnded.get(p.memberId);
    if (ended !== undefined && ended + waitMs > now.getTime()) {
      cohort.waiting.push({ profile: p, until: new Date(ended + waitMs) });
      continue;
    }
    cohort.mentees.push(p);
  }
  return cohort;
}
