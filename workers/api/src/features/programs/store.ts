import type { BatchItem } from "drizzle-orm/batch";
import { programRuleVersions } from "../../../../../db/tenant/schema";
import { AppError, type FieldError } from "../../../../shared/src/contracts/common/errors";
import { problemDetail } from "../../../../shared/src/contracts/common/validate";
import type { ProgramRules } from "../../../../shared/src/domain/program-rules";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";

export type Statement = BatchItem<"sqlite">;

/** One batch is one transaction: the change, its history row and its audit entry, or none. */
export async function runBatch(db: TenantDb, statements: Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  return db.batch(statements as [Statement, ...Statement[]]);
}

/** `ctx.db` may be an open transaction. */
export function programAudit(
  ctx: Omit<TenantCtx, "db"> & { db: Pick<TenantDb, "insert"> },
  action: string,
  programId: string,
  detail: Record<string, unknown>,
) {
  return auditInsert(ctx, { action, subjectType: "program", subjectId: programId, detail });
}

/** Rules are append-only: each change adds a version, effective from the moment it is made. */
export function ruleVersionInsert(
  ctx: TenantCtx,
  programId: string,
  version: number,
  rules: ProgramRules,
) {
  return ctx.db.insert(programRuleVersions).values({
    programId,
    version,
    rules,
    effectiveFrom: ctx.now,
    changedBy: ctx.actor.kind === "member" ? ctx.actor.memberId : ctx.actor.clientId,
  });
}

/** A 400 listing every field that is wrong, worded like the request validator's problems. */
export function invalidFields(errors: FieldError[]): AppError {
  return new AppError("validation", problemDetail(errors), { errors });
}
