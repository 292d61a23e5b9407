import { and, eq, inArray } from "drizzle-orm";
import { matchClosures, matches, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { CloseInput, ClosureView } from "../../../../shared/src/contracts/stewardship/closure";
import type { ClosureChecklist } from "../../../../shared/src/contracts/stewardship/stored-shapes";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { openPair, type Pair } from "../pairs";
import { matchClosedEmail } from "./emails";

/**
 * Either of the pair, or a coordinator, closes a match. From active it is an unplanned ending;
 * from closing (its planned time is up) it completes the planned one. The match becomes
 * closed, its closure is recorded with a checklist, and the people who did not close it are
 * told kindly by email. With the program's exit survey on, both find it due at once.
 */
export async function closeRelationship({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: CloseInput & { matchId: string };
}): Promise<ClosureView> {
  const pair = await openPair(ctx, input.matchId);
  if (pair.seat === "integration") {
    throw new AppError("forbidden", "Only the pair or a coordinator closes a match.");
  }
  const from = pair.match.status;
  if (from === "closed") throw new AppError("conflict", "This match is closed already.");
  if (from !== "active" && from !== "closing") {
    throw new AppError("conflict", "Only a match that began can be closed here.");
  }
  const { closure: rules } = pair.program.rules;
  const planned = from === "closing";
  const [started] = await ctx.db
    .select()
    .from(matchClosures)
    .where(eq(matchClosures.matchId, pair.match.id));
  const checklist: ClosureChecklist = {
    bothTold: true,
    exitSurveyOffered: rules.exitSurvey,
    procedureShown: true,
    contactPolicyShown: true,
  };
  const closure = {
    matchId: pair.match.id,
    kind: planned ? ("planned" as const) : ("unplanned" as const),
    reasonCode: input.reasonCode,
    reasonText: input.reasonText,
    initiatedBy: pair.actorId,
    checklist,
    startedAt: started?.startedAt ?? ctx.now,
    closedAt: ctx.now,
  };
  const emails = await closedEmails(ctx, pair, planned);
  await ctx.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(matches)
      .set({ status: "closed", endedAt: ctx.now, endReason: input.reasonCode, updatedAt: ctx.now })
      .where(and(eq(matches.id, pair.match.id), eq(matches.status, from)))
      .returning({ id: matches.id });
    if (!closed) throw new AppError("conflict", "This match changed meanwhile; reload it.");
    const { matchId: _, ...changes } = closure;
    await tx
      .insert(matchClosures)
      .values(closure)
      .onConflictDoUpdate({ target: matchClosures.matchId, set: changes });
    await auditInsert(
      { ...ctx, db: tx },
      {
        action: "match.close",
        subjectType: "match",
        subjectId: pair.match.id,
        // The reason's code only: its text is the closer's, kept on the closure for coordinators.
        detail: {
          programId: pair.program.id,
          from,
          to: "closed",
          kind: closure.kind,
          reasonCode: input.reasonCode,
        },
      },
    );
    for (const email of emails) await tx.run(email);
  });
  return {
    ...closure,
    status: "closed",
    startedAt: closure.startedAt.toISOString(),
    closedAt: ctx.now.toISOString(),
  };
}

/** The closure email for each person of the pair except the one who closed it. */
async function closedEmails(ctx: TenantCtx, pair: Pair, planned: boolean) {
  const { closure: rules } = pair.program.rules;
  const people = await ctx.db
    .select({ id: members.id, email: members.email, displayName: members.displayName })
    .from(members)
    .where(inArray(members.id, [pair.mentorId, pair.menteeId]));
  const name = (id: string) => people.find((p) => p.id === id)?.displayName ?? "your partner";
  const told = people.filter((p) => p.id !== pair.actorId);
  const emails = [];
  for (const person of told) {
    const partnerId = person.id === pair.mentorId ? pair.menteeId : pair.mentorId;
    const [email] = await ctx.outbox.email(
      matchClosedEmail({
        to: person,
        partnerName: name(partnerId),
        orgName: ctx.tenant.name,
        programName: pair.program.name,
        planned,
        procedure: planned ? rules.plannedProcedure : rules.unplannedProcedure,
        contactPolicy: rules.postClosureContactPolicy,
        exitSurvey: rules.exitSurvey,
        link: ctx.links.program(pair.program.id),
      }),
      `match-closed:${pair.match.id}:${person.id}`,
    );
    emails.push(email);
  }
  return emails;
}
