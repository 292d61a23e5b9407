import { and, eq } from "drizzle-orm";
import { checkInResponses, checkIns } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  CheckInResponseInput,
  CheckInResponseView,
} from "../../../../shared/src/contracts/relationship/check-ins";
import { dayIn } from "../../../../shared/src/domain/check-in-periods";
import type { TenantCtx } from "../../http/app-env";
import { requireAgreement } from "../agreements";
import { auditInsert } from "../audit";
import { pairPeople } from "../commitments";
import { openPair, requireActive, requirePairMember } from "../pairs";
import { answerers, answerProblems, asksForCoordinator, bottomRatings } from "./answers";
import { ensureDueCheckIns } from "./due";
import { contactRequestEmail, lowRatingEmail } from "./emails";
import { raiseCoordinatorTask } from "./raise-task";

const noSuchCheckIn = () =>
  new AppError("not_found", "No such check-in in this match, or it has not opened yet.");

/**
 * One person's answers to one check-in: the first answer, or a change of it until the
 * check-in closes (one row per person and check-in, whatever the number of calls). A yes to
 * "would you like a coordinator to contact you" opens a coordinator task and emails the
 * program's coordinators, once per check-in and person; so does a rating of 1 out of 5.
 */
export async function answerCheckIn({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: CheckInResponseInput & { matchId: string; period: string };
}): Promise<CheckInResponseView> {
  const pair = await openPair(ctx, input.matchId);
  const role = requirePairMember(pair);
  requireActive(pair);
  await requireAgreement(ctx.db, pair);
  const rules = pair.program.rules.checkIns;
  if (!answerers(rules.answeredBy).includes(role)) {
    throw new AppError(
      "forbidden",
      `In this program only the ${rules.answeredBy} answers check-ins; yours are not asked for.`,
    );
  }
  const people = await pairPeople(ctx.db, pair);
  await ensureDueCheckIns(ctx.db, pair.match, people.mentee.timeZone, rules, ctx.now);
  if (!/^[1-9][0-9]{0,5}$/.test(input.period)) throw noSuchCheckIn();
  const [checkIn] = await ctx.db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.matchId, pair.match.id), eq(checkIns.period, Number(input.period))));
  if (!checkIn) throw noSuchCheckIn();
  if (dayIn(ctx.now, people.mentee.timeZone) > checkIn.closesOn) {
    throw new AppError(
      "conflict",
      `This check-in closed on ${checkIn.closesOn}; answers can no longer change. Answer the ` +
        "current check-in instead.",
    );
  }
  const problems = answerProblems(rules.questions, input.answers);
  if (problems.length > 0) {
    throw new AppError("validation", problems.map((p) => p.message).join(" "), {
      errors: problems,
    });
  }

  const me = people[role];
  const partner = people[role === "mentor" ? "mentee" : "mentor"];
  const [existing] = await ctx.db
    .select({ submittedAt: checkInResponses.submittedAt })
    .from(checkInResponses)
    .where(
      and(eq(checkInResponses.checkInId, checkIn.id), eq(checkInResponses.memberId, me.memberId)),
    );
  const contactRequested = asksForCoordinator(rules.questions, input.answers);
  const lowRated = bottomRatings(rules.questions, input.answers);
  const mail = {
    orgName: ctx.tenant.name,
    programName: pair.program.name,
    member: me,
    partnerName: partner.displayName,
    link: ctx.links.program(pair.match.programId),
  };
  const task = { checkInId: checkIn.id, member: me, match: pair.match };
  const contact = contactRequested
    ? await raiseCoordinatorTask(ctx, {
        ...task,
        cause: "contact_requested",
        email: (coordinator) => contactRequestEmail({ ...mail, coordinator }),
      })
    : [];
  const lowRating =
    lowRated.length > 0
      ? await raiseCoordinatorTask(ctx, {
          ...task,
          cause: "low_rating",
          email: (coordinator) => lowRatingEmail({ ...mail, coordinator, questions: lowRated }),
        })
      : [];

  await ctx.db.batch([
    ctx.db
      .insert(checkInResponses)
      .values({
        checkInId: checkIn.id,
        memberId: me.memberId,
        answers: input.answers,
        submittedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: [checkInResponses.checkInId, checkInResponses.memberId],
        set: { answers: input.answers, updatedAt: ctx.now },
      }),
    // The answers themselves stay out of the log: it is read more widely than they may be.
    auditInsert(ctx, {
      action: existing ? "check_in.change" : "check_in.answer",
      subjectType: "check_in",
      subjectId: checkIn.id,
      detail: {
        matchId: pair.match.id,
        period: checkIn.period,
        contactRequested,
        lowRating: lowRated.length > 0,
      },
    }),
    ...contact,
    ...lowRating,
  ]);
  return {
    checkInId: checkIn.id,
    matchId: pair.match.id,
    period: checkIn.period,
    memberId: me.memberId,
    answers: input.answers,
    submittedAt: (existing?.submittedAt ?? ctx.now).toISOString(),
    updatedAt: ctx.now.toISOString(),
    contactRequested,
  };
}
