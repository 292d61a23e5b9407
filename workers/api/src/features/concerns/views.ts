import { asc, inArray } from "drizzle-orm";
import { concernNotes, type concerns } from "../../../../../db/tenant/schema";
import type { ConcernView } from "../../../../shared/src/contracts/stewardship/concerns";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { Pair } from "../pairs";

export type Concern = typeof concerns.$inferSelect;
type Note = typeof concernNotes.$inferSelect;

/** Whether this reader handles concerns (coordinators, integrations) or raised them. */
export const handles = (pair: Pair) => pair.seat === "coordinator" || pair.seat === "integration";

/** The handling notes of these concerns, oldest first, by concern. */
export async function notesOf(
  db: Pick<TenantDb, "select">,
  ids: readonly string[],
): Promise<Map<string, Note[]>> {
  const byConcern = new Map<string, Note[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byConcern;
  const rows = await db
    .select()
    .from(concernNotes)
    .where(inArray(concernNotes.concernId, [...ids]))
    .orderBy(asc(concernNotes.createdAt), asc(concernNotes.id));
  for (const note of rows) byConcern.get(note.concernId)?.push(note);
  return byConcern;
}

/**
 * A concern as its reader may see it: `handling` (who acknowledged and resolved it, and the
 * coordinators' notes) only for those who handle concerns, null for the member who raised it.
 */
export function concernView(
  row: Concern,
  raisedAs: "mentor" | "mentee",
  notes: readonly Note[] | null,
): ConcernView {
  return {
    id: row.id,
    matchId: row.matchId,
    programId: row.programId,
    raisedBy: row.raisedBy,
    raisedAs,
    urgency: row.urgency,
    whatHappened: row.whatHappened,
    wantsContact: row.wantsContact,
    status: row.status,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolution: row.resolution,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    handling:
      notes === null
        ? null
        : {
            acknowledgedBy: row.acknowledgedBy,
            resolvedBy: row.resolvedBy,
            notes: notes.map((n) => ({
              id: n.id,
              authorId: n.authorId,
              text: n.text,
              createdAt: n.createdAt.toISOString(),
            })),
          },
  };
}

/** The raiser's role in the pair. */
export const raisedAs = (pair: Pick<Pair, "mentorId">, row: Pick<Concern, "raisedBy">) =>
  row.raisedBy === pair.mentorId ? ("mentor" as const) : ("mentee" as const);
