import { and, asc, eq, inArray, max } from "drizzle-orm";
import { trainingCompletions, trainingResources } from "../../../../../db/tenant/schema";
import type {
  TrainingInput,
  TrainingPatch,
  TrainingView,
} from "../../../../shared/src/contracts/training";
import { authorize, can } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { findProgram } from "../programs";
import { findResource, requireParticipant, type TrainingResource } from "./access";
import { assertContent, columnsOf } from "./content";

function trainingView(r: TrainingResource, withAnswers: boolean, done: boolean): TrainingView {
  const quiz = r.quiz?.map(({ question, options, answer }) =>
    withAnswers ? { question, options, answer } : { question, options },
  );
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    url: r.url,
    body: r.body,
    quiz: quiz ?? null,
    requiredFor: r.requiredFor,
    position: r.position,
    completedByMe: done,
  };
}

/** Admins see all a program's training; members see it once they take part in the program. */
export async function listTraining({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string };
}): Promise<{ items: TrainingView[] }> {
  const program = await findProgram(ctx.db, input.programId);
  if (!can(ctx.actor, "programs:read")) await requireParticipant(ctx, program.id);
  const rows = await ctx.db
    .select()
    .from(trainingResources)
    .where(eq(trainingResources.programId, program.id))
    .orderBy(asc(trainingResources.position), asc(trainingResources.createdAt));
  const me = ctx.actor.kind === "member" ? ctx.actor.memberId : null;
  const done =
    me && rows.length
      ? await ctx.db
          .select({ id: trainingCompletions.resourceId })
          .from(trainingCompletions)
          .where(
            and(
              eq(trainingCompletions.memberId, me),
              inArray(
                trainingCompletions.resourceId,
                rows.map((r) => r.id),
              ),
            ),
          )
      : [];
  const doneIds = new Set(done.map((d) => d.id));
  const withAnswers = can(ctx.actor, "programs:write");
  return { items: rows.map((r) => trainingView(r, withAnswers, doneIds.has(r.id))) };
}

export async function createTraining({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: TrainingInput & { programId: string };
}): Promise<TrainingView> {
  authorize(ctx.actor, "programs:write");
  const program = await findProgram(ctx.db, input.programId);
  assertContent(input);
  const [last] = await ctx.db
    .select({ position: max(trainingResources.position) })
    .from(trainingResources)
    .where(eq(trainingResources.programId, program.id));
  const row: TrainingResource = {
    id: crypto.randomUUID(),
    programId: program.id,
    ...columnsOf(input),
    position: input.position ?? (last?.position ?? -1) + 1,
    createdAt: ctx.now,
  };
  await ctx.db.batch([
    ctx.db.insert(trainingResources).values(row),
    auditInsert(ctx, {
      action: "training.create",
      subjectType: "training_resource",
      subjectId: row.id,
      detail: { programId: program.id, title: row.title, kind: row.kind },
    }),
  ]);
  return trainingView(row, true, false);
}

export async function updateTraining({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: TrainingPatch & { programId: string; resourceId: string };
}): Promise<TrainingView> {
  authorize(ctx.actor, "programs:write");
  const program = await findProgram(ctx.db, input.programId);
  const old = await findResource(ctx, program.id, input.resourceId);
  const { programId: _p, resourceId: _r, ...patch } = input;
  const merged = {
    title: patch.title ?? old.title,
    kind: patch.kind ?? old.kind,
    url: patch.url === undefined ? old.url : patch.url,
    body: patch.body === undefined ? old.body : patch.body,
    quiz: patch.quiz === undefined ? old.quiz : patch.quiz,
    requiredFor: patch.requiredFor ?? old.requiredFor,
  };
  assertContent(merged);
  const row: TrainingResource = {
    ...old,
    ...columnsOf(merged),
    position: patch.position ?? old.position,
  };
  await ctx.db.batch([
    ctx.db.update(trainingResources).set(row).where(eq(trainingResources.id, old.id)),
    auditInsert(ctx, {
      action: "training.update",
      subjectType: "training_resource",
      subjectId: old.id,
      detail: { programId: program.id, changed: Object.keys(patch) },
    }),
  ]);
  return trainingView(row, true, false);
}

/** Completions go with the resource: it no longer counts towards anyone's training. */
export async function deleteTraining({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; resourceId: string };
}): Promise<void> {
  authorize(ctx.actor, "programs:write");
  const program = await findProgram(ctx.db, input.programId);
  const old = await findResource(ctx, program.id, input.resourceId);
  await ctx.db.batch([
    ctx.db.delete(trainingCompletions).where(eq(trainingCompletions.resourceId, old.id)),
    ctx.db.delete(trainingResources).where(eq(trainingResources.id, old.id)),
    auditInsert(ctx, {
      action: "training.delete",
      subjectType: "training_resource",
      subjectId: old.id,
      detail: { programId: program.id, title: old.title },
    }),
  ]);
}
