import { and, desc, eq } from "drizzle-orm";
import { programRuleVersions, programs } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  ProgramView,
  RulesPreview,
  RuleVersionView,
} from "../../../../shared/src/contracts/programs";
import {
  defaultRules,
  resolveRules,
  summarizeRules,
} from "../../../../shared/src/domain/program-rules";
import { authorize } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { findProgram, type Program } from "./queries";
import { rulesDiff } from "./rules-diff";
import { invalidFields, programAudit, ruleVersionInsert, runBatch } from "./store";
import { programView, shapeOf } from "./views";

const staleVersion = (expected: number, current: number) =>
  new AppError(
    "conflict",
    `The rules changed since you loaded them (you edited version ${expected}, the current ` +
      `one is ${current}); reload them and apply your change again.`,
  );

/**
 * Replaces the rules from now on. Earlier versions stay as they were: what fell due before
 * this moment is still judged by the rules of its time.
 */
export async function changeRules({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string; rules: Record<string, unknown>; expectedVersion: number };
}): Promise<ProgramView> {
  authorize(ctx.actor, "programs:write");
  const before = await findProgram(ctx.db, input.id);
  if (before.rulesVersion !== input.expectedVersion) {
    throw staleVersion(input.expectedVersion, before.rulesVersion);
  }
  const checked = resolveRules(defaultRules(), input.rules, shapeOf(before));
  if (!checked.valid) throw invalidFields(checked.errors);
  const version = before.rulesVersion + 1;
  const after: Program = {
    ...before,
    rules: checked.rules,
    rulesVersion: version,
    updatedAt: ctx.now,
  };
  try {
    // The version row's key (program, version) refuses a second writer of the same version,
    // so of two editors of one version only the first commits.
    await runBatch(ctx.db, [
      ruleVersionInsert(ctx, before.id, version, after.rules),
      ctx.db
        .update(programs)
        .set({ rules: after.rules, rulesVersion: version, updatedAt: ctx.now })
        .where(and(eq(programs.id, before.id), eq(programs.rulesVersion, before.rulesVersion))),
      programAudit(ctx, "program.rules_change", before.id, {
        version,
        ...rulesDiff(before.rules, after.rules),
      }),
    ]);
  } catch (error) {
    const current = await findProgram(ctx.db, before.id);
    if (current.rulesVersion !== before.rulesVersion) {
      throw staleVersion(input.expectedVersion, current.rulesVersion);
    }
    throw error;
  }
  return programView(after);
}

/** What PUT …/rules would say about these rules, without saving anything. */
export async function previewRules({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string; rules: Record<string, unknown> };
}): Promise<RulesPreview> {
  authorize(ctx.actor, "programs:write");
  const program = await findProgram(ctx.db, input.id);
  const checked = resolveRules(defaultRules(), input.rules, shapeOf(program));
  return checked.valid
    ? { valid: true, errors: [], summary: summarizeRules(checked.rules) }
    : { valid: false, errors: checked.errors, summary: [] };
}

export async function listRuleVersions({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { id: string };
}): Promise<{ items: RuleVersionView[] }> {
  authorize(ctx.actor, "programs:read");
  const program = await findProgram(ctx.db, input.id);
  const rows = await ctx.db
    .select()
    .from(programRuleVersions)
    .where(eq(programRuleVersions.programId, program.id))
    .orderBy(desc(programRuleVersions.version));
  return {
    items: rows.map((row) => ({
      version: row.version,
      effectiveFrom: row.effectiveFrom.toISOString(),
      changedBy: row.changedBy,
      rules: row.rules,
    })),
  };
}
