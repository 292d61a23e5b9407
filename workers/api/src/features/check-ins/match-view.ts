import { inArray } from "drizzle-orm";
import { checkInResponses } from "../../../../../db/tenant/schema";
import type { MatchCheckIns } from "../../../../shared/src/contracts/relationship/check-ins";
import { dayIn, periodStatus } from "../../../../shared/src/domain/check-in-periods";
import type { TenantCtx } from "../../http/app-env";
import { requireAgreement } from "../agreements";
import { pairPeople } from "../commitments";
import { accessOf, openPair, recordPairRead } from "../pairs";
import { answerers } from "./answers";
import { ensureDueCheckIns, matchCheckInRows } from "./due";

/**
 * A match's check-ins, latest first, and each answering person's part as the visibility table
 * lets the caller see it: their own answers in full, everyone's for coordinators, whether and
 * when for integrations with checkins:read, and nothing of the other person for the pair.
 * Anyone outside the pair who is shown answers says why (`readReason`, the Read-Reason
 * header), and the read is recorded for the pair to see before anything is answered.
 */
export async function listMatchCheckIns({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; readReason?: string | undefined };
}): Promise<MatchCheckIns> {
  const pair = await openPair(ctx, input.matchId);
  await requireAgreement(ctx.db, pair);
  const rules = pair.program.rules.checkIns;
  const people = await pairPeople(ctx.db, pair);
  const readers = answerers(rules.answeredBy)
    .map((role) => ({
      person: people[role],
      access: accessOf(ctx, pair, "checkInAnswers", people[role].memberId),
    }))
    .filter((r) => r.access !== "none");
  if (readers.some((r) => r.access === "full")) {
    await recordPairRead(ctx, pair, "check_in_answers", input.readReason);
  }
  await ensureDueCheckIns(ctx.db, pair.match, people.mentee.timeZone, rules, ctx.now);
  const rows = await matchCheckInRows(ctx.db, pair.match.id);
  const responses =
    rows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(checkInResponses)
          .where(
            inArray(
              checkInResponses.checkInId,
              rows.map((r) => r.id),
            ),
          );
  const today = dayIn(ctx.now, people.mentee.timeZone);
  return {
    matchId: pair.match.id,
    answeredBy: rules.answeredBy,
    questions: rules.questions,
    items: rows.map((row) => ({
      id: row.id,
      period: row.period,
      opensOn: row.opensOn,
      closesOn: row.closesOn,
      status: periodStatus(row, today) === "closed" ? "closed" : "open",
      people: readers.map(({ person, access }) => {
        const response = responses.find(
          (r) => r.checkInId === row.id && r.memberId === person.memberId,
        );
        return {
          memberId: person.memberId,
          role: person.role,
          displayName: person.displayName,
          answered: response !== undefined,
          submittedAt: response?.submittedAt.toISOString() ?? null,
          updatedAt: response?.updatedAt.toISOString() ?? null,
          answers: access === "full" ? (response?.answers ?? null) : null,
        };
      }),
    })),
  };
}
