import { eq } from "drizzle-orm";
import { programs, type programs as programsTable } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/errors";
import type { TenantDb } from "../../../../shared/src/platform/db";

export type Program = typeof programsTable.$inferSelect;

/** Another tenant's programs are simply absent: each tenant has its own database. */
export async function findProgram(db: TenantDb, id: string): Promise<Program> {
  const [program] = await db.select().from(programs).where(eq(programs.id, id));
  if (!program) throw new AppError("not_found", `No program has the id "${id}".`);
  return program;
}

/** `rules.training.requiredBeforeMatching`, true unless the program says otherwise. */
export function trainingGatesMatching(rules: Record<string, unknown>): boolean {
  const training = rules.training;
  if (typeof training !== "object" || training === null) return true;
  return (training as Record<string, unknown>).requiredBeforeMatching !== false;
}
