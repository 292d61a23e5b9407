import { asc, eq } from "drizzle-orm";
import { enrollments, trainingResources } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { DecisionInput, EnrollmentView } from "../../../../shared/src/contracts/enrollments";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { requiredOf } from "../training";
import { decisionEmail } from "./emails";
import { enrollmentView, findEnrollment } from "./views";

const statusOf = { approve: "approved", waitlist: "waitlisted", decline: "declined" } as const;

/**
 * A coordinator approves, waitlists or declines an application, and the member is told by
 * email: the decision and its email commit together, and the email goes out from the outbox
 * (once per decision, however often the request is retried). A decision may be revised; a
 * withdrawn application is the member's to reopen.
 */
export async function decideEnrollment({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: DecisionInput & { programId: string; id: string };
}): Promise<EnrollmentView> {
  authorize(ctx.actor, "enrollments:write");
  const program = await findProgram(ctx.db, input.programId);
  const enrollment = await findEnrollment(ctx.db, program.id, input.id);
  if (enrollment.status === "withdrawn") {
    throw new AppError("conflict", "The member withdrew this application; it cannot be decided.");
  }
  const status = statusOf[input.decision];
  const message = input.message || null;
  const applicant = await enrollmentView(ctx.db, program, enrollment);
  const training = await ctx.db
    .select({ title: trainingResources.title, requiredFor: trainingResources.requiredFor })
    .from(trainingResources)
    .where(eq(trainingResources.programId, program.id))
    .orderBy(asc(trainingResources.position));
  const email = await ctx.outbox.email(
    decisionEmail({
      member: applicant.member,
      orgName: ctx.tenant.name,
      programName: program.name,
      role: applicant.role,
      decision: status,
      message,
      training: training
        .filter((t) => requiredOf(t.requiredFor, applicant.role))
        .map((t) => t.title),
      link: ctx.links.program(program.id),
    }),
    `enrollment-decision:${enrollment.id}:${ctx.now.getTime()}`,
  );
  await ctx.db.batch([
    ctx.db
      .update(enrollments)
      .set({
        status,
        decisionMessage: message,
        decidedBy: ctx.actor.kind === "member" ? ctx.actor.memberId : ctx.actor.clientId,
        decidedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .where(eq(enrollments.id, enrollment.id)),
    auditInsert(ctx, {
      action: "enrollment.decision",
      subjectType: "enrollment",
      subjectId: enrollment.id,
      detail: { programId: program.id, from: enrollment.status, to: status },
    }),
    ...email,
  ]);
  return enrollmentView(ctx.db, program, await findEnrollment(ctx.db, program.id, enrollment.id));
}
