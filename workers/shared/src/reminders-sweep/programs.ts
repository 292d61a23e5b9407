import { inArray } from "drizzle-orm";
import { programs } from "../../../../db/tenant/schema";
import type { TenantDb } from "../platform/db";

/**
 * The programs of some matches, each read once: their rules are a sizeable JSON document, and
 * reading them with every match's row would parse the same rules once per pair.
 */
export async function programsById(db: Pick<TenantDb, "select">, ids: readonly string[]) {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return new Map<string, ProgramRow>();
  const rows = await db
    .select({
      id: programs.id,
      name: programs.name,
      rules: programs.rules,
      startsOn: programs.startsOn,
      endsOn: programs.endsOn,
      relationshipLengthDays: programs.relationshipLengthDays,
    })
    .from(programs)
    .where(inArray(programs.id, distinct));
  return new Map<string, ProgramRow>(rows.map((r) => [r.id, r]));
}

type ProgramRow = Pick<
  typeof programs.$inferSelect,
  "id" | "name" | "rules" | "startsOn" | "endsOn" | "relationshipLengthDays"
>;
