import { asc, eq } from "drizzle-orm";
import { programs, trainingResources } from "../../../../../db/tenant/schema";
import type { ProgramCreateInput, ProgramView } from "../../../../shared/src/contracts/programs";
import {
  datesProblem,
  defaultRules,
  type ProgramShape,
  parseApplicationForm,
  resolveRules,
} from "../../../../shared/src/domain/program-rules";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { invalidField } from "../../http/invalid-field";
import { findProgram, type Program } from "./queries";
import { invalidFields, programAudit, ruleVersionInsert, runBatch, type Statement } from "./store";
import { findTemplate } from "./templates";
import { programView } from "./views";

/** About a semester or two: long enough for the default rules' cadence and evaluations. */
export const defaultRelationshipLengthDays = 180;

/** What a new program starts from: another program, a template, or the defaults. */
async function startingPoint(ctx: TenantCtx, input: ProgramCreateInput) {
  if (input.copyFrom !== undefined && input.templateKey !== undefined) {
    throw invalidField("copyFrom", "Give either templateKey or copyFrom, not both.");
  }
  if (input.copyFrom !== undefined) {
    const source = await findProgram(ctx.db, input.copyFrom);
    return { ...source, source };
  }
  if (input.templateKey !== undefined) {
    const t = findTemplate(input.templateKey);
    return { ...t, templateKey: t.key, source: null };
  }
  return {
    description: "",
    audience: "",
    // A length from the start, so the default mid-point evaluation has a date to fall on;
    // the coordinator adjusts it or sets dates instead.
    relationshipLengthDays: defaultRelationshipLengthDays,
    templateKey: null,
    rules: defaultRules() as Record<string, unknown>,
    applicationForm: {},
    source: null,
  };
}

/** Training resources of `source`, copied under `programId` in their order. */
async function copiedTraining(ctx: TenantCtx, source: Program, programId: string) {
  const rows = await ctx.db
    .select()
    .from(trainingResources)
    .where(eq(trainingResources.programId, source.id))
    .orderBy(asc(trainingResources.position));
  return rows.map((row) =>
    ctx.db
      .insert(trainingResources)
      .values({ ...row, id: crypto.randomUUID(), programId, createdAt: ctx.now }),
  );
}

/** A new draft. Version 1 of its rules is written with it. */
export async function createProgram({
  ctx,
  input,
  action = "program.create",
}: {
  ctx: TenantCtx;
  input: ProgramCreateInput;
  action?: "program.create" | "program.copy";
}): Promise<ProgramView> {
  authorize(ctx.actor, "programs:write");
  const base = await startingPoint(ctx, input);
  const form = parseApplicationForm(input.applicationForm ?? base.applicationForm);
  const shape: ProgramShape = {
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    relationshipLengthDays:
      input.relationshipLengthDays ??
      (input.startsOn && input.endsOn ? null : base.relationshipLengthDays),
    applicationForm: form,
  };
  const dates = datesProblem(shape);
  if (dates) throw invalidFields([dates]);
  const checked = resolveRules(base.rules, input.rules ?? {}, shape);
  if (!checked.valid) throw invalidFields(checked.errors);

  const id = crypto.randomUUID();
  const program: Program = {
    id,
    name: input.name,
    description: input.description ?? base.description,
    audience: input.audience ?? base.audience,
    status: "draft",
    ...shape,
    templateKey: base.templateKey,
    rules: checked.rules,
    rulesVersion: 1,
    applicationForm: form,
    createdBy: ctx.actor.kind === "member" ? ctx.actor.memberId : ctx.actor.clientId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const training: Statement[] = base.source ? await copiedTraining(ctx, base.source, id) : [];
  await runBatch(ctx.db, [
    ctx.db.insert(programs).values(program),
    ruleVersionInsert(ctx, id, 1, program.rules),
    ...training,
    programAudit(ctx, action, id, {
      name: program.name,
      templateKey: program.templateKey,
      copiedFrom: base.source?.id ?? null,
      trainingCopied: training.length,
    }),
  ]);
  return programView(program);
}

/** A new draft with the rules, application form and training of program `id`. */
export function copyProgram({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string; name: string };
}): Promise<ProgramView> {
  return createProgram({
    ctx,
    input: { name: input.name, copyFrom: input.id },
    action: "program.copy",
  });
}
