import { and, eq, inArray } from "drizzle-orm";
import { checkInResponses, matches, matchParticipants } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { MyCheckInView } from "../../../../shared/src/contracts/relationship/check-ins";
import { dayIn, periodStatus } from "../../../../shared/src/domain/check-in-periods";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { agreementSettled } from "../agreements";
import { pairPeople } from "../commitments";
import { openPair } from "../pairs";
import { answerers } from "./answers";
import { ensureDueCheckIns, matchCheckInRows } from "./due";

/**
 * The check-ins the signed-in member can answer now, across their active matches: the one
 * open in each match whose program asks their role, with the questions and what they already
 * answered. A match still waiting for its agreement asks nothing yet.
 */
export async function listMyCheckIns({
  ctx,
}: {
  ctx: TenantCtx;
}): Promise<{ items: MyCheckInView[] }> {
  const { memberId } = requireMember(ctx.actor);
  const mine = await ctx.db
    .select({ matchId: matchParticipants.matchId })
    .from(matchParticipants)
    .innerJoin(matches, eq(matches.id, matchParticipants.matchId))
    .where(and(eq(matchParticipants.memberId, memberId), eq(matches.status, "active")))
    .orderBy(matches.activatedAt, matches.id);
  const items: MyCheckInView[] = [];
  for (const { matchId } of mine) {
    const item = await openCheckIn(ctx, memberId, matchId);
    if (item) items.push(item);
  }
  return { items };
}

async function openCheckIn(
  ctx: TenantCtx,
  memberId: string,
  matchId: string,
): Promise<MyCheckInView | null> {
  const pair = await openPair(ctx, matchId);
  if (pair.seat !== "mentor" && pair.seat !== "mentee") {
    throw new AppError("internal", "A member's own match did not seat them in it.");
  }
  const rules = pair.program.rules.checkIns;
  if (!answerers(rules.answeredBy).includes(pair.seat)) return null;
  if (pair.program.rules.agreement.required && !(await agreementSettled(ctx.db, pair))) {
    return null;
  }
  const people = await pairPeople(ctx.db, pair);
  await ensureDueCheckIns(ctx.db, pair.match, people.mentee.timeZone, rules, ctx.now);
  const [latest] = await matchCheckInRows(ctx.db, pair.match.id).limit(1);
  const today = dayIn(ctx.now, people.mentee.timeZone);
  if (!latest || periodStatus(latest, today) !== "open") return null;
  const [response] = await ctx.db
    .select({ answers: checkInResponses.answers })
    .from(checkInResponses)
    .where(
      and(
        inArray(checkInResponses.checkInId, [latest.id]),
        eq(checkInResponses.memberId, memberId),
      ),
    );
  const partner = people[pair.seat === "mentor" ? "mentee" : "mentor"];
  return {
    checkInId: latest.id,
    matchId: pair.match.id,
    programId: pair.program.id,
    programName: pair.program.name,
    role: pair.seat,
    partner: { memberId: partner.memberId, displayName: partner.displayName },
    period: latest.period,
    opensOn: latest.opensOn,
    closesOn: latest.closesOn,
    answered: response !== undefined,
    answers: response?.answers ?? null,
    questions: rules.questions,
  };
}
