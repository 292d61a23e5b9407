import { and, desc, eq, inArray } from "drizzle-orm";
import { concerns, matchParticipants } from "../../../../../db/tenant/schema";
import type { ConcernList } from "../../../../shared/src/contracts/stewardship/concerns";
import { requireMember } from "../../../../shared/src/security/actor";
import type { TenantCtx } from "../../http/app-env";
import { accessOf, openPair, recordPairRead } from "../pairs";
import { concernView, handles, notesOf, raisedAs } from "./views";

/**
 * A match's concerns as the visibility table lets the caller see them: coordinators (and
 * integrations with concerns:read) read them all with their handling notes, and say why
 * (Read-Reason), which the pair can see; the member who raised one reads their own, without
 * notes; the partner gets an empty list, so the answer never tells them one exists.
 */
export async function listMatchConcerns({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; readReason: string | undefined };
}): Promise<ConcernList> {
  const pair = await openPair(ctx, input.matchId);
  await recordPairRead(ctx, pair, "concerns", input.readReason);
  const rows = await ctx.db
    .select()
    .from(concerns)
    .where(eq(concerns.matchId, pair.match.id))
    .orderBy(desc(concerns.createdAt), desc(concerns.id));
  const visible = rows.filter((row) => accessOf(ctx, pair, "concern", row.raisedBy) === "full");
  const notes = handles(pair)
    ? await notesOf(
        ctx.db,
        visible.map((r) => r.id),
      )
    : null;
  return {
    items: visible.map((row) => concernView(row, raisedAs(pair, row), notes?.get(row.id) ?? null)),
  };
}

/** The concerns the signed-in member raised, in every match, newest first; never the notes. */
export async function listMyConcerns({ ctx }: { ctx: TenantCtx }): Promise<ConcernList> {
  const { memberId } = requireMember(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(concerns)
    .where(eq(concerns.raisedBy, memberId))
    .orderBy(desc(concerns.createdAt), desc(concerns.id));
  const roles =
    rows.length === 0
      ? []
      : await ctx.db
          .select()
          .from(matchParticipants)
          .where(
            and(
              eq(matchParticipants.memberId, memberId),
              inArray(
                matchParticipants.matchId,
                rows.map((r) => r.matchId),
              ),
            ),
          );
  const roleIn = (matchId: string) =>
    roles.find((p) => p.matchId === matchId)?.role ?? ("mentee" as const);
  return { items: rows.map((row) => concernView(row, roleIn(row.matchId), null)) };
}
