import { and, eq, inArray } from "drizzle-orm";
import { members, programCoordinators } from "../../../../../db/tenant/schema";
import type {
  ProgramCoordinatorsInput,
  ProgramCoordinatorsView,
} from "../../../../shared/src/contracts/stewardship/program-coordinators";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { assignedCoordinators } from "./queries";

/** Who coordinates a program, or that every admin does. */
export async function getProgramCoordinators({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<ProgramCoordinatorsView> {
  const program = await findProgram(ctx.db, input.programId);
  const assigned = await assignedCoordinators(ctx.db, program.id);
  return {
    programId: program.id,
    everyAdmin: assigned.length === 0,
    coordinators: assigned.map((c) => ({ ...c, assignedAt: c.assignedAt.toISOString() })),
  };
}

/**
 * Sets who coordinates a program: the whole set at once, each an active admin. Those kept
 * keep their assignment date; an empty set gives the program back to every admin.
 */
export async function setProgramCoordinators({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ProgramCoordinatorsInput & { programId: string };
}): Promise<ProgramCoordinatorsView> {
  const program = await findProgram(ctx.db, input.programId);
  const admins =
    input.memberIds.length === 0
      ? []
      : await ctx.db
          .select({ id: members.id })
          .from(members)
          .where(
            and(
              inArray(members.id, input.memberIds),
              eq(members.role, "admin"),
              eq(members.status, "active"),
            ),
          );
  const notAdmins = input.memberIds.filter((id) => !admins.some((a) => a.id === id));
  if (notAdmins.length > 0) {
    throw invalidField(
      "memberIds",
      `Only active admins of the organization coordinate programs; not: ${notAdmins.join(", ")}.`,
    );
  }
  const before = await ctx.db
    .select()
    .from(programCoordinators)
    .where(eq(programCoordinators.programId, program.id));
  const kept = new Set(before.map((row) => row.memberId));
  const wanted = new Set(input.memberIds);
  const added = input.memberIds.filter((id) => !kept.has(id));
  const removed = before.map((row) => row.memberId).filter((id) => !wanted.has(id));
  if (added.length > 0 || removed.length > 0) {
    const removals =
      removed.length === 0
        ? []
        : [
            ctx.db
              .delete(programCoordinators)
              .where(
                and(
                  eq(programCoordinators.programId, program.id),
                  inArray(programCoordinators.memberId, removed),
                ),
              ),
          ];
    await ctx.db.batch([
      auditInsert(ctx, {
        action: "program.coordinators.set",
        subjectType: "program",
        subjectId: program.id,
        detail: { memberIds: input.memberIds, added, removed },
      }),
      ...removals,
      ...added.map((memberId) =>
        ctx.db
          .insert(programCoordinators)
          .values({ programId: program.id, memberId, createdAt: ctx.now })
          .onConflictDoNothing(),
      ),
    ]);
  }
  return getProgramCoordinators({ ctx, input: { programId: program.id } });
}
