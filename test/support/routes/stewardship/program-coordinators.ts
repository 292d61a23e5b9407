import { asc, eq } from "drizzle-orm";
import { programCoordinators } from "../../../../db/tenant/schema";
import type { RouteCtx, RouteSpec, Target } from "../../security";
import { openProgram, programBase } from "../enrollments";

const coordinatorsOf = async ({ org, params }: Target) =>
  org.db
    .select()
    .from(programCoordinators)
    .where(eq(programCoordinators.programId, params.programId!))
    .orderBy(asc(programCoordinators.memberId));

/** A program the organization's admin coordinates, so the answer names someone of it. */
async function coordinatedProgram(ctx: RouteCtx) {
  const { programId } = await openProgram(ctx);
  await ctx.org.db
    .insert(programCoordinators)
    .values({ programId, memberId: ctx.org.admin.id, createdAt: ctx.env.clock.now });
  return { programId };
}

export const programCoordinatorRouteSpecs: RouteSpec[] = [
  {
    method: "GET",
    path: `${programBase}/coordinators`,
    caller: "admin",
    scope: "programs:read",
    success: 200,
    prepare: coordinatedProgram,
  },
  {
    method: "PUT",
    path: `${programBase}/coordinators`,
    caller: "admin",
    scope: "members:admin",
    success: 200,
    prepare: openProgram,
    body: ({ org }) => ({ memberIds: [org.admin.id] }),
    snapshot: coordinatorsOf,
    invalidBodies: ({ org }) => ({
      "a member who is not an admin": { memberIds: [org.member.id] },
      "a deactivated member": { memberIds: [org.deactivated.id] },
      "someone who is not a member": { memberIds: ["nobody-here"] },
      "the same admin twice": { memberIds: [org.admin.id, org.admin.id] },
      "more than 50 admins": { memberIds: Array.from({ length: 51 }, (_, i) => `adm-${i}`) },
      "one id, not a list": { memberIds: org.admin.id },
    }),
  },
];
