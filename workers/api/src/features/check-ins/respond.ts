import { and, eq } from "drizzle-orm";
import {
  checkInResponses,
  checkIns,
  coordinatorTasks,
  members,
} from "../../../../../db/tenant/schema";
import type {
  CheckInResponseInput,
  CheckInResponseView,
} from "../../../../shared/src/contracts/check-ins";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import { dayIn } from "../../../../shared/src/domain/check-in-periods";
import type { TenantCtx } from "../../http/app-env";
import { requireAgreement } from "../agreements";
import { auditInsert } from "../audit";
import { pairPeople } from "../commitments";
import { openPair, requireActive, requirePairMember } from "../pairs";
import { answerers, answerProblems, asksForCoordinator } from "./answers";
import { ensureDueCheckIns } from "./due";
import { contactRequestEmail } from "./emails";

const noSuchCheckIn = () =>
  new AppError("not_found", "No such check-in in this match, or it has not opened yet.");

/**
 * One person's answers to one check-in: the first answer, or a change of it until the
 * check-in closes (one row per person and check-in, whatever the number of calls). A yes to
 * "would you like a coordinator to contact you" opens a coordinator task and emails the
 * organization's admins, once per check-in and person.
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
  const contact = contactRequested ? await contactRequest(ctx, checkIn.id, me, partner, pair) : [];

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
      detail: { matchId: pair.match.id, period: checkIn.period, contactRequested },
    }),
    ...contact,
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

/**
 * The task and the admins' emails a request for contact causes, unless this check-in already
 * asked: the task is unique per check-in and person, and each email's key too, so a retried
 * or repeated answer never opens a second task or writes twice.
 */
async function contactRequest(
  ctx: TenantCtx,
  checkInId: string,
  me: { memberId: string; role: "mentor" | "mentee"; displayName: string },
  partner: { displayName: string },
  pair: { match: { id: string; programId: string }; program: { name: string } },
) {
  const [already] = await ctx.db
    .select({ id: coordinatorTasks.id })
    .from(coordinatorTasks)
    .where(
      and(
        eq(coordinatorTasks.kind, "contact_requested"),
        eq(coordinatorTasks.sourceId, checkInId),
        eq(coordinatorTasks.memberId, me.memberId),
      ),
    );
  if (already) return [];
  const admins = await ctx.db
    .select({ id: members.id, email: members.email, displayName: members.displayName })
    .from(members)
    .where(and(eq(members.role, "admin"), eq(members.status, "active")));
  const emails = await Promise.all(
    admins.map((admin) =>
      ctx.outbox.email(
        contactRequestEmail({
          coordinator: admin,
          orgName: ctx.tenant.name,
          programName: pair.program.name,
          member: me,
          partnerName: partner.displayName,
          link: ctx.links.program(pair.match.programId),
        }),
        `check-in-contact:${checkInId}:${me.memberId}:${admin.id}`,
      ),
    ),
  );
  const id = `tsk_${crypto.randomUUID().replaceAll("-", "")}`;
  return [
    ctx.db
      .insert(coordinatorTasks)
      .values({
        id,
        matchId: pair.match.id,
        programId: pair.match.programId,
        kind: "contact_requested",
        memberId: me.memberId,
        sourceId: checkInId,
        status: "open",
        createdAt: ctx.now,
      })
      .onConflictDoNothing(),
    auditInsert(ctx, {
      action: "coordinator_task.open",
      subjectType: "coordinator_task",
      subjectId: id,
      detail: { matchId: pair.match.id, kind: "contact_requested" },
    }),
    ...emails.flat(),
  ];
}
