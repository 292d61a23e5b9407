import { and, eq } from "drizzle-orm";
import { programs } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import {
  type ProgramStatus,
  type ProgramUpdateInput,
  type ProgramView,
  statusTransitions,
} from "../../../../shared/src/contracts/programs";
import {
  datesProblem,
  parseApplicationForm,
  resolveRules,
} from "../../../../shared/src/domain/program-rules";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { findProgram, type Program } from "./queries";
import { invalidFields, programAudit, runBatch } from "./store";
import { programView, shapeOf } from "./views";

const editable = [
  "name",
  "description",
  "audience",
  "startsOn",
  "endsOn",
  "relationshipLengthDays",
  "applicationForm",
] as const;

/** Changes the program's details; its current rules must still fit the new dates. */
export async function updateProgram({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: ProgramUpdateInput & { id: string };
}): Promise<ProgramView> {
  authorize(ctx.actor, "programs:write");
  const before = await findProgram(ctx.db, input.id);
  const changes: Partial<Program> = {};
  for (const key of editable) {
    if (input[key] !== undefined) Object.assign(changes, { [key]: input[key] });
  }
  if (changes.applicationForm) {
    changes.applicationForm = parseApplicationForm(changes.applicationForm);
  }
  const changed = editable.filter(
    (key) => key in changes && JSON.stringify(changes[key]) !== JSON.stringify(before[key]),
  );
  if (changed.length === 0) return programView(before);

  const after: Program = { ...before, ...changes, updatedAt: ctx.now };
  const shape = shapeOf(after);
  const dates = datesProblem(shape);
  if (dates) throw invalidFields([dates]);
  const checked = resolveRules(after.rules, {}, shape);
  if (!checked.valid) throw invalidFields(checked.errors);

  const pick = (p: Program) => Object.fromEntries(changed.map((key) => [key, p[key]]));
  await runBatch(ctx.db, [
    ctx.db
      .update(programs)
      .set({ ...pick(after), updatedAt: ctx.now })
      .where(eq(programs.id, before.id)),
    programAudit(ctx, "program.update", before.id, { before: pick(before), after: pick(after) }),
  ]);
  return programView(after);
}

const notAllowed = (from: ProgramStatus, to: ProgramStatus) => {
  const next = statusTransitions[from];
  const allowed = next.length > 0 ? next.map((s) => `"${s}"`).join(" or ") : "nothing";
  return new AppError(
    "conflict",
    `A ${from} program cannot become ${to}; from ${from} it can become ${allowed}.`,
  );
};

export async function changeProgramStatus({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string; status: ProgramStatus };
}): Promise<ProgramView> {
  authorize(ctx.actor, "programs:write");
  const before = await findProgram(ctx.db, input.id);
  if (!statusTransitions[before.status].includes(input.status)) {
    throw notAllowed(before.status, input.status);
  }
  // The status is part of the WHERE: of two concurrent changes only one moves the program,
  // and the other's audit entry rolls back with it.
  const after = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(programs)
      .set({ status: input.status, updatedAt: ctx.now })
      .where(and(eq(programs.id, before.id), eq(programs.status, before.status)))
      .returning();
    if (!updated) throw notAllowed((await findProgram(tx, input.id)).status, input.status);
    await programAudit({ ...ctx, db: tx }, "program.status_change", before.id, {
      before: { status: before.status },
      after: { status: input.status },
    });
    return updated;
  });
  return programView(after);
}
