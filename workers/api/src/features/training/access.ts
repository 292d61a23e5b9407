import { and, eq, notInArray } from "drizzle-orm";
import { enrollments, trainingResources } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { ProgramRole } from "../../../../shared/src/contracts/enrollments";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";

export type TrainingResource = typeof trainingResources.$inferSelect;

/** The member's current enrollment in the program; withdrawn and declined ones do not count. */
export async function requireParticipant(
  ctx: TenantCtx,
  programId: string,
): Promise<{ memberId: string; role: ProgramRole }> {
  const me = requireMember(ctx.actor);
  const [row] = await ctx.db
    .select({ role: enrollments.role })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.programId, programId),
        eq(enrollments.memberId, me.memberId),
        notInArray(enrollments.status, ["withdrawn", "declined"]),
      ),
    );
  if (!row) {
    throw new AppError("forbidden", "Only members taking part in this program can do this.");
  }
  return { memberId: me.memberId, role: row.role };
}

export async function findResource(
  ctx: TenantCtx,
  programId: string,
  id: string,
): Promise<TrainingResource> {
  const [row] = await ctx.db.select().from(trainingResources).where(eq(trainingResources.id, id));
  if (!row || row.programId !== programId) {
    throw new AppError("not_found", `No training of this program has the id "${id}".`);
  }
  return row;
}
