import { and, asc, eq } from "drizzle-orm";
import { members, programCoordinators } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";

type Reader = Pick<TenantDb, "select">;

/**
 * The program's assigned coordinators who are still active admins. Someone demoted or
 * deactivated no longer counts: when no assigned coordinator is left, every admin coordinates
 * the program again, so its pairs are never left without anyone to look after them.
 */
export async function assignedCoordinators(db: Reader, programId: string) {
  return db
    .select({
      memberId: members.id,
      displayName: members.displayName,
      email: members.email,
      assignedAt: programCoordinators.createdAt,
    })
    .from(programCoordinators)
    .innerJoin(members, eq(members.id, programCoordinators.memberId))
    .where(
      and(
        eq(programCoordinators.programId, programId),
        eq(members.role, "admin"),
        eq(members.status, "active"),
      ),
    )
    .orderBy(asc(members.displayName), asc(members.id));
}

/** Whether this admin coordinates the program: assigned to it, or none is. */
export async function coordinatesProgram(
  db: Reader,
  programId: string,
  memberId: string,
): Promise<boolean> {
  const assigned = await assignedCoordinators(db, programId);
  return assigned.length === 0 || assigned.some((c) => c.memberId === memberId);
}

/**
 * The admins a program's news for coordinators goes to: its assigned coordinators, or every
 * active admin while none is assigned.
 */
export async function coordinatorsToTell(db: Reader, programId: string) {
  const assigned = await assignedCoordinators(db, programId);
  if (assigned.length > 0)
    return assigned.map(({ memberId: id, email, displayName }) => ({ id, email, displayName }));
  return db
    .select({ id: members.id, email: members.email, displayName: members.displayName })
    .from(members)
    .where(and(eq(members.role, "admin"), eq(members.status, "active")));
}

/**
 * For program-level lists that show pairs' confidential records (coordinator tasks): the
 * signed-in admin must coordinate the program. Integrations are held back by the route's
 * permission, not here.
 */
export async function requireProgramCoordinator(ctx: TenantCtx, programId: string) {
  if (ctx.actor.kind !== "member") return;
  if (await coordinatesProgram(ctx.db, programId, ctx.actor.memberId)) return;
  throw new AppError(
    "forbidden",
    "This program has assigned coordinators; only they handle its pairs' confidential records.",
  );
}
