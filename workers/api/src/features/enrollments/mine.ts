import { and, asc, eq, inArray } from "drizzle-orm";
import { enrollments, programs } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { EnrollmentView, MyEnrollment } from "../../../../shared/src/contracts/enrollments";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { enrollmentView, enrollmentViews } from "./views";

/** The signed-in member's applications and places, oldest first, with their programs. */
export async function listMyEnrollments({
  ctx,
}: {
  ctx: TenantCtx;
}): Promise<{ items: MyEnrollment[] }> {
  const me = requireMember(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(enrollments)
    .where(eq(enrollments.memberId, me.memberId))
    .orderBy(asc(enrollments.createdAt), asc(enrollments.id));
  if (rows.length === 0) return { items: [] };
  const programRows = await ctx.db
    .select()
    .from(programs)
    .where(
      inArray(
        programs.id,
        rows.map((r) => r.programId),
      ),
    );
  const items: MyEnrollment[] = [];
  for (const program of programRows) {
    const views = await enrollmentViews(
      ctx.db,
      program,
      rows.filter((r) => r.programId === program.id),
    );
    const summary = { id: program.id, name: program.name, status: program.status };
    items.push(...views.map((view) => ({ ...view, program: summary })));
  }
  const order = new Map(rows.map((r, i) => [r.id, i]));
  return { items: items.sort((a, b) => order.get(a.id)! - order.get(b.id)!) };
}

/** A member steps back from a program; withdrawing twice changes nothing. */
export async function withdrawEnrollment({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<EnrollmentView> {
  const me = requireMember(ctx.actor);
  const [row] = await ctx.db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.id, input.id), eq(enrollments.memberId, me.memberId)));
  if (!row) throw new AppError("not_found", `You have no enrollment with the id "${input.id}".`);
  const program = await findProgram(ctx.db, row.programId);
  if (row.status === "declined") {
    throw new AppError("conflict", "This application was declined; there is nothing to withdraw.");
  }
  if (row.status !== "withdrawn") {
    await ctx.db.batch([
      ctx.db
        .update(enrollments)
        .set({ status: "withdrawn", updatedAt: ctx.now })
        .where(eq(enrollments.id, row.id)),
      auditInsert(ctx, {
        action: "enrollment.withdraw",
        subjectType: "enrollment",
        subjectId: row.id,
        detail: { programId: row.programId, from: row.status },
      }),
    ]);
  }
  return enrollmentView(ctx.db, program, { ...row, status: "withdrawn", updatedAt: ctx.now });
}
