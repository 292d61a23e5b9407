import { and, desc, eq, inArray, isNotNull, lt, or } from "drizzle-orm";
import {
  celebrations,
  congratulations,
  enrollments,
  matchParticipants,
} from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type { WallItem } from "../../../../shared/src/contracts/relationship/goals";
import { requireMember } from "../../../../shared/src/security/actor";
import { accessTo } from "../../../../shared/src/security/visibility";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { displayNames } from "../matches";
import { findProgram, type Program } from "../programs";
import { type Celebration, congratulationCounts, findCelebration } from "./store";

/**
 * The wall is the program's: its coordinators read it as the visibility table lets them read
 * any celebration, and its approved participants read what pairs chose to share there. Other
 * members of the organization are refused.
 */
async function openWall(
  ctx: TenantCtx,
  programId: string,
): Promise<{ program: Program; me: string }> {
  const me = requireMember(ctx.actor);
  const program = await findProgram(ctx.db, programId);
  if (me.role === "admin" && accessTo("celebration", "coordinator") !== "none") {
    return { program, me: me.memberId };
  }
  const [enrolled] = await ctx.db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.programId, program.id),
        eq(enrollments.memberId, me.memberId),
        eq(enrollments.status, "approved"),
      ),
    );
  if (!enrolled) {
    throw new AppError("forbidden", "This program's wall is for its participants.");
  }
  return { program, me: me.memberId };
}

/** What pairs of the program shared, newest first, with who cheered them on. */
export async function listWall({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<WallItem>> {
  const after = input.cursor === undefined ? undefined : decodeCursor(input.cursor, timeIdKey);
  const { program, me } = await openWall(ctx, input.programId);
  const rows = await ctx.db
    .select()
    .from(celebrations)
    .where(
      and(
        eq(celebrations.programId, program.id),
        isNotNull(celebrations.sharedAt),
        after
          ? or(
              lt(celebrations.sharedAt, new Date(after[0])),
              and(eq(celebrations.sharedAt, new Date(after[0])), lt(celebrations.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(celebrations.sharedAt), desc(celebrations.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (last) => [last.sharedAt!.getTime(), last.id]);
  return { ...page, items: await wallItems(ctx, page.items, me) };
}

/** A participant cheers a shared celebration on; once per person, however often they ask. */
export async function congratulate({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { programId: string; celebrationId: string; undo: boolean };
}): Promise<WallItem> {
  const { program, me } = await openWall(ctx, input.programId);
  const celebration = await findCelebration(ctx.db, {
    id: input.celebrationId,
    programId: program.id,
  });
  if (celebration.sharedAt === null) throw new AppError("not_found", "No such celebration.");
  const mine = and(
    eq(congratulations.celebrationId, celebration.id),
    eq(congratulations.memberId, me),
  );
  // A congratulation is a cheer, not a change to anyone's records: it is not audited.
  if (input.undo) await ctx.db.delete(congratulations).where(mine);
  else {
    await ctx.db
      .insert(congratulations)
      .values({ celebrationId: celebration.id, memberId: me, createdAt: ctx.now })
      .onConflictDoNothing();
  }
  const [item] = await wallItems(ctx, [celebration], me);
  return item!;
}

async function wallItems(
  ctx: TenantCtx,
  rows: readonly Celebration[],
  me: string,
): Promise<WallItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const people = await ctx.db
    .select()
    .from(matchParticipants)
    .where(
      inArray(
        matchParticipants.matchId,
        rows.map((r) => r.matchId),
      ),
    );
  const names = await displayNames(
    ctx.db,
    people.map((p) => p.memberId),
  );
  const counts = await congratulationCounts(ctx.db, ids);
  const cheered = await ctx.db
    .select({ id: congratulations.celebrationId })
    .from(congratulations)
    .where(and(inArray(congratulations.celebrationId, ids), eq(congratulations.memberId, me)));
  const byMe = new Set(cheered.map((c) => c.id));
  return rows.map((row) => ({
    id: row.id,
    programId: row.programId,
    kind: row.milestoneId === null ? "goal" : "milestone",
    title: row.title,
    pair: people
      .filter((p) => p.matchId === row.matchId)
      .map((p) => ({
        memberId: p.memberId,
        role: p.role,
        displayName: names.get(p.memberId) ?? "",
      }))
      .sort((a, b) => b.role.localeCompare(a.role)),
    sharedAt: (row.sharedAt ?? row.createdAt).toISOString(),
    congratulations: counts.get(row.id) ?? 0,
    congratulatedByMe: byMe.has(row.id),
  }));
}
