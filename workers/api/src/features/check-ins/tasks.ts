import { and, asc, desc, eq, gt, inArray, lt, or } from "drizzle-orm";
import { checkIns, coordinatorTasks, matchParticipants } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { CoordinatorTaskView } from "../../../../shared/src/contracts/relationship/check-ins";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { auditInsert } from "../audit";
import { displayNames } from "../matches";
import { requireProgramCoordinator } from "../program-coordinators";
import { findProgram } from "../programs";
import { checkInOfSource } from "./raise-task";

type Task = typeof coordinatorTasks.$inferSelect;

/**
 * A program's coordinator tasks: open ones oldest first (the queue to work through), done
 * ones most recent first (what was handled lately).
 */
export async function listCoordinatorTasks({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; status: "open" | "done"; limit: number; cursor?: string | undefined };
}): Promise<Page<CoordinatorTaskView>> {
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor, timeIdKey);
  const program = await findProgram(ctx.db, input.programId);
  await requireProgramCoordinator(ctx, program.id);
  const oldestFirst = input.status === "open";
  const beyond = (at: number, id: string) => {
    const past = oldestFirst ? gt : lt;
    const when = new Date(at);
    return or(
      past(coordinatorTasks.createdAt, when),
      and(eq(coordinatorTasks.createdAt, when), past(coordinatorTasks.id, id)),
    );
  };
  const order = oldestFirst ? asc : desc;
  const rows = await ctx.db
    .select()
    .from(coordinatorTasks)
    .where(
      and(
        eq(coordinatorTasks.programId, program.id),
        eq(coordinatorTasks.status, input.status),
        after === null ? undefined : beyond(after[0], after[1]),
      ),
    )
    .orderBy(order(coordinatorTasks.createdAt), order(coordinatorTasks.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (t) => [t.createdAt.getTime(), t.id]);
  return { items: await taskViews(ctx.db, page.items), nextCursor: page.nextCursor };
}

/** A coordinator marks a task done; marking it again changes nothing. */
export async function completeCoordinatorTask({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; taskId: string };
}): Promise<CoordinatorTaskView> {
  const program = await findProgram(ctx.db, input.programId);
  await requireProgramCoordinator(ctx, program.id);
  const task = await findTask(ctx.db, program.id, input.taskId);
  if (task.status === "open") {
    const by = ctx.actor.kind === "member" ? ctx.actor.memberId : ctx.actor.clientId;
    await ctx.db.batch([
      ctx.db
        .update(coordinatorTasks)
        .set({ status: "done", doneAt: ctx.now, doneBy: by })
        .where(eq(coordinatorTasks.id, task.id)),
      auditInsert(ctx, {
        action: "coordinator_task.done",
        subjectType: "coordinator_task",
        subjectId: task.id,
        detail: { programId: program.id, matchId: task.matchId, kind: task.kind },
      }),
    ]);
  }
  const [view] = await taskViews(ctx.db, [await findTask(ctx.db, program.id, task.id)]);
  return view!;
}

async function findTask(db: Pick<TenantDb, "select">, programId: string, id: string) {
  const [task] = await db
    .select()
    .from(coordinatorTasks)
    .where(and(eq(coordinatorTasks.id, id), eq(coordinatorTasks.programId, programId)));
  if (!task) throw new AppError("not_found", "No such task in this program.");
  return task;
}

async function taskViews(
  db: Pick<TenantDb, "select">,
  tasks: readonly Task[],
): Promise<CoordinatorTaskView[]> {
  if (tasks.length === 0) return [];
  const people = await db
    .select()
    .from(matchParticipants)
    .where(
      inArray(
        matchParticipants.matchId,
        tasks.map((t) => t.matchId),
      ),
    );
  const sources = await db
    .select({ id: checkIns.id, period: checkIns.period })
    .from(checkIns)
    .where(
      inArray(
        checkIns.id,
        tasks.map((t) => checkInOfSource(t.sourceId)),
      ),
    );
  const names = await displayNames(
    db,
    people.map((p) => p.memberId),
  );
  const person = (p: { memberId: string; role: "mentor" | "mentee" } | undefined) => ({
    memberId: p?.memberId ?? "",
    role: p?.role ?? "mentee",
    displayName: names.get(p?.memberId ?? "") ?? "",
  });
  return tasks.map((t) => {
    const inMatch = people.filter((p) => p.matchId === t.matchId);
    return {
      id: t.id,
      programId: t.programId,
      matchId: t.matchId,
      kind: t.kind,
      member: person(inMatch.find((p) => p.memberId === t.memberId)),
      partner: person(inMatch.find((p) => p.memberId !== t.memberId)),
      period: sources.find((s) => s.id === checkInOfSource(t.sourceId))?.period ?? null,
      status: t.status,
      createdAt: t.createdAt.toISOString(),
      doneAt: t.doneAt?.toISOString() ?? null,
      doneBy: t.doneBy,
    };
  });
}
