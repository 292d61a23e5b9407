import { and, eq, inArray } from "drizzle-orm";
import { trainingCompletions, trainingResources } from "../../../../../db/tenant/schema";
import type { ProgramRole } from "../../../../shared/src/contracts/enrollments";
import type { TrainingProgress } from "../../../../shared/src/contracts/training";
import type { TenantDb } from "../../../../shared/src/platform/db";

/** Whether a resource is asked of someone taking part in this role. */
export const requiredOf = (requiredFor: string, role: ProgramRole) =>
  requiredFor === "both" || requiredFor === role;

/** Required training done, per member of one program, for each member's role there. */
export async function trainingProgress(
  db: TenantDb,
  programId: string,
  people: readonly { memberId: string; role: ProgramRole }[],
): Promise<Map<string, TrainingProgress>> {
  const progress = new Map<string, TrainingProgress>();
  if (people.length === 0) return progress;
  const resources = await db
    .select({ id: trainingResources.id, requiredFor: trainingResources.requiredFor })
    .from(trainingResources)
    .where(eq(trainingResources.programId, programId));
  const done = resources.length
    ? await db
        .select({
          resourceId: trainingCompletions.resourceId,
          memberId: trainingCompletions.memberId,
        })
        .from(trainingCompletions)
        .where(
          and(
            inArray(
              trainingCompletions.resourceId,
              resources.map((r) => r.id),
            ),
            inArray(
              trainingCompletions.memberId,
              people.map((p) => p.memberId),
            ),
          ),
        )
    : [];
  const doneBy = new Set(done.map((d) => `${d.memberId} ${d.resourceId}`));
  for (const { memberId, role } of people) {
    const required = resources.filter((r) => requiredOf(r.requiredFor, role));
    progress.set(memberId, {
      required: required.length,
      completed: required.filter((r) => doneBy.has(`${memberId} ${r.id}`)).length,
    });
  }
  return progress;
}
