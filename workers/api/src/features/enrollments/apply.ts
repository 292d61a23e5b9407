import { and, asc, eq, gt, or, type SQL } from "drizzle-orm";
import { enrollments, memberProfiles, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import { problemDetail } from "../../../../shared/src/contracts/common/validate";
import type {
  ApplyInput,
  EnrollmentStatus,
  EnrollmentView,
  ProgramRole,
} from "../../../../shared/src/contracts/enrollments";
import { authorize, can, requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { checkApplication } from "./form";
import { enrollmentView, enrollmentViews, findEnrollment } from "./views";

/** A member applies in one role; their profile is saved for every program they join. */
export async function applyToProgram({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ApplyInput & { programId: string };
}): Promise<EnrollmentView> {
  const me = requireMember(ctx.actor);
  const program = await findProgram(ctx.db, input.programId);
  if (program.status !== "open") {
    throw new AppError("conflict", `"${program.name}" is not open for applications.`);
  }
  const [existing] = await ctx.db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.programId, program.id), eq(enrollments.memberId, me.memberId)));
  if (existing && existing.status !== "withdrawn") {
    throw new AppError("conflict", "You have already applied to this program.");
  }
  const { problems, answers } = checkApplication(program.applicationForm, input);
  if (problems.length > 0) {
    throw new AppError("validation", problemDetail(problems), { errors: problems });
  }
  const { timeZone, ...profile } = input.profile;
  const given = Object.fromEntries(Object.entries(profile).filter(([, x]) => x !== undefined));
  // A withdrawn application is reopened rather than duplicated: one row per program and member.
  const id = existing?.id ?? crypto.randomUUID();
  const fresh = {
    role: input.role,
    status: "applied" as const,
    answers,
    decisionMessage: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.batch([
    ctx.db
      .insert(memberProfiles)
      .values({
        memberId: me.memberId,
        interests: [],
        skills: [],
        languages: [],
        ...given,
        updatedAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: memberProfiles.memberId,
        set: { ...given, updatedAt: ctx.now },
      }),
    ctx.db
      .update(members)
      .set(timeZone ? { timeZone, updatedAt: ctx.now } : { updatedAt: ctx.now })
      .where(eq(members.id, me.memberId)),
    existing
      ? ctx.db.update(enrollments).set(fresh).where(eq(enrollments.id, id))
      : ctx.db
          .insert(enrollments)
          .values({ id, programId: program.id, memberId: me.memberId, ...fresh }),
    auditInsert(ctx, {
      action: "enrollment.apply",
      subjectType: "enrollment",
      subjectId: id,
      detail: { programId: program.id, role: input.role },
    }),
  ]);
  return enrollmentView(ctx.db, program, await findEnrollment(ctx.db, program.id, id));
}

/** The review queue: oldest applications first, so nobody waits behind later ones. */
export async function listEnrollments({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: {
    programId: string;
    limit: number;
    cursor?: string | undefined;
    status?: EnrollmentStatus | undefined;
    role?: ProgramRole | undefined;
  };
}): Promise<Page<EnrollmentView>> {
  authorize(ctx.actor, "enrollments:read");
  // A bad cursor is bad input whichever program it is for: refused before any lookup.
  const start = input.cursor === undefined ? undefined : decodeCursor(input.cursor, timeIdKey);
  const program = await findProgram(ctx.db, input.programId);
  let after: SQL | undefined;
  if (start !== undefined) {
    const [ms, id] = start;
    const at = new Date(ms);
    after = or(
      gt(enrollments.createdAt, at),
      and(eq(enrollments.createdAt, at), gt(enrollments.id, id)),
    );
  }
  const rows = await ctx.db
    .select()
    .from(enrollments)
    .where(
      and(
        eq(enrollments.programId, program.id),
        input.status ? eq(enrollments.status, input.status) : undefined,
        input.role ? eq(enrollments.role, input.role) : undefined,
        after,
      ),
    )
    .orderBy(asc(enrollments.createdAt), asc(enrollments.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.createdAt.getTime(), last.id]);
  return { ...page, items: await enrollmentViews(ctx.db, program, page.items) };
}

/** Admins see any enrollment; a member sees their own, and only that. */
export async function getEnrollment({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; id: string };
}): Promise<EnrollmentView> {
  const program = await findProgram(ctx.db, input.programId);
  if (!can(ctx.actor, "enrollments:read")) {
    const me = requireMember(ctx.actor);
    const [own] = await ctx.db
      .select({ memberId: enrollments.memberId })
      .from(enrollments)
      .where(eq(enrollments.id, input.id));
    if (own?.memberId !== me.memberId) authorize(ctx.actor, "enrollments:read");
  }
  return enrollmentView(ctx.db, program, await findEnrollment(ctx.db, program.id, input.id));
}
