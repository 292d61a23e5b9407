import { and, eq } from "drizzle-orm";
import { coordinatorTasks } from "../../../../../db/tenant/schema";
import type { MailMessage } from "../../../../shared/src/platform/mail";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { coordinatorsToTell } from "../program-coordinators";

/**
 * Why a check-in answer asks for a coordinator. The task table knows one kind of task, a
 * request for contact; what raised it is told by its source: the check-in's id for an explicit
 * request, `<check-in id>:low_rating` for a rating at the bottom of the scale.
 */
export type TaskCause = "contact_requested" | "low_rating";

export const taskSource = (checkInId: string, cause: TaskCause) =>
  cause === "contact_requested" ? checkInId : `${checkInId}:${cause}`;

/** The check-in a task's source names. */
export const checkInOfSource = (sourceId: string) => sourceId.split(":")[0]!;

interface Asker {
  memberId: string;
}

/**
 * The statements that open a coordinator task for this cause and email the program's
 * coordinators, unless this check-in already raised it for this person: the task is unique per
 * source and person and each email's key too, so a changed or retried answer never opens a
 * second task or writes twice. Empty when already raised.
 */
export async function raiseCoordinatorTask(
  ctx: TenantCtx,
  input: {
    checkInId: string;
    cause: TaskCause;
    member: Asker;
    match: { id: string; programId: string };
    email: (coordinator: { email: string; displayName: string }) => MailMessage;
  },
) {
  const sourceId = taskSource(input.checkInId, input.cause);
  const [already] = await ctx.db
    .select({ id: coordinatorTasks.id })
    .from(coordinatorTasks)
    .where(
      and(
        eq(coordinatorTasks.kind, "contact_requested"),
        eq(coordinatorTasks.sourceId, sourceId),
        eq(coordinatorTasks.memberId, input.member.memberId),
      ),
    );
  if (already) return [];
  const coordinators = await coordinatorsToTell(ctx.db, input.match.programId);
  const keyPrefix = input.cause === "contact_requested" ? "check-in-contact" : "check-in-low";
  const emails = await Promise.all(
    coordinators.map((coordinator) =>
      ctx.outbox.email(
        input.email(coordinator),
        `${keyPrefix}:${input.checkInId}:${input.member.memberId}:${coordinator.id}`,
      ),
    ),
  );
  const id = `tsk_${crypto.randomUUID().replaceAll("-", "")}`;
  return [
    ctx.db
      .insert(coordinatorTasks)
      .values({
        id,
        matchId: input.match.id,
        programId: input.match.programId,
        kind: "contact_requested",
        memberId: input.member.memberId,
        sourceId,
        status: "open",
        createdAt: ctx.now,
      })
      .onConflictDoNothing(),
    auditInsert(ctx, {
      action: "coordinator_task.open",
      subjectType: "coordinator_task",
      subjectId: id,
      detail: { matchId: input.match.id, kind: "contact_requested", cause: input.cause },
    }),
    ...emails.flat(),
  ];
}
