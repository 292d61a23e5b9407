import { and, eq, inArray } from "drizzle-orm";
import { enrollments, members } from "../../../../../db/tenant/schema";
import type { RowError } from "../../../../shared/src/contracts/common/bulk-rows";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import {
  type BulkEnrollmentResult,
  checkEnrollmentRows,
} from "../../../../shared/src/contracts/enrollments";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import type { RememberAnswer } from "../../http/idempotency";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { type Enrollment, enrollmentViews } from "./views";

function describeRowErrors(errors: readonly RowError[]): string {
  const shown = errors.slice(0, 5).map((e) => `Row ${e.row}: ${e.message}`);
  const more = errors.length > 5 ? ` And ${errors.length - 5} more.` : "";
  return `Nobody was enrolled. ${shown.join(" ")}${more}`;
}

/**
 * A coordinator enrolls existing active members as approved, skipping the application. Every
 * row is checked first; `all_or_nothing` writes nothing when any row is wrong. `remember` (a
 * keyed request's) stores the answer in the same batch as the enrollments.
 */
export async function bulkEnroll({
  ctx,
  input,
  remember,
}: {
  ctx: TenantCtx;
  input: { programId: string; rows: unknown[]; mode: "all_or_nothing" | "valid_only" };
  remember?: RememberAnswer<BulkEnrollmentResult> | undefined;
}): Promise<BulkEnrollmentResult> {
  authorize(ctx.actor, "enrollments:write");
  const program = await findProgram(ctx.db, input.programId);
  if (program.status === "closed") {
    throw new AppError("conflict", `"${program.name}" is closed; nobody can join it now.`);
  }
  const checked = checkEnrollmentRows(input.rows);
  const emails = checked.valid.map((r) => r.input.email);
  const found = emails.length
    ? await ctx.db
        .select({ id: members.id, email: members.email, status: members.status })
        .from(members)
        .where(inArray(members.email, emails))
    : [];
  const byEmail = new Map(found.map((m) => [m.email, m]));
  const enrolled = found.length
    ? await ctx.db
        .select({ memberId: enrollments.memberId })
        .from(enrollments)
        .where(
          and(
            eq(enrollments.programId, program.id),
            inArray(
              enrollments.memberId,
              found.map((m) => m.id),
            ),
          ),
        )
    : [];
  const alreadyIn = new Set(enrolled.map((e) => e.memberId));
  const errors = [...checked.errors];
  const rows: Enrollment[] = [];
  for (const { row, input: r } of checked.valid) {
    const member = byEmail.get(r.email);
    const problem = !member
      ? "No member has this email address."
      : member.status !== "active"
        ? `This member is ${member.status}, not active.`
        : alreadyIn.has(member.id)
          ? "This member is already enrolled in the program."
          : null;
    if (problem || !member) {
      errors.push({ row, field: "email", message: problem ?? "" });
      continue;
    }
    rows.push({
      id: crypto.randomUUID(),
      programId: program.id,
      memberId: member.id,
      role: r.role,
      status: "approved",
      answers: {},
      decisionMessage: null,
      decidedBy: ctx.actor.kind === "member" ? ctx.actor.memberId : ctx.actor.clientId,
      decidedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  if (input.mode === "all_or_nothing" && errors.length > 0) {
    throw new AppError("validation", describeRowErrors(errors), {
      errors: errors.map((e) => ({
        field: e.field ? `rows.${e.row - 1}.${e.field}` : `rows.${e.row - 1}`,
        message: e.message,
      })),
    });
  }
  // The views read members and training only, so the answer is known before the write.
  const answer = { created: await enrollmentViews(ctx.db, program, rows), errors };
  if (rows.length > 0) {
    await ctx.db.batch([
      ctx.db.insert(enrollments).values(rows),
      auditInsert(ctx, {
        action: "enrollment.bulk_enroll",
        subjectType: "program",
        subjectId: program.id,
        detail: { count: rows.length, memberIds: rows.map((r) => r.memberId) },
      }),
      ...(remember ? [remember(answer)] : []),
    ]);
  }
  return answer;
}
