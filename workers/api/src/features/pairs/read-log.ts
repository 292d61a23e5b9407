import { and, desc, eq, lt, or } from "drizzle-orm";
import { pairReads } from "../../../../../db/tenant/schema";
import type { Page } from "../../../../shared/src/contracts/common/pagination";
import type {
  ConfidentialKind,
  PairReadView,
} from "../../../../shared/src/contracts/stewardship/pair-reads";
import {
  type ReadReason,
  readReasons,
} from "../../../../shared/src/contracts/stewardship/stored-shapes";
import type { TenantCtx } from "../../http/app-env";
import { decodeCursor, pageOf, timeIdKey } from "../../http/pagination";
import { displayNames } from "../matches";
import { openPair } from "./open";

/**
 * Who from the program read this pair's confidential records, when, what and why, latest
 * first: the pair's own people see it, and so do its coordinators.
 */
export async function listPairReads({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; limit: number; cursor?: string | undefined };
}): Promise<Page<PairReadView>> {
  const pair = await openPair(ctx, input.matchId);
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor, timeIdKey);
  const rows = await ctx.db
    .select()
    .from(pairReads)
    .where(
      and(
        eq(pairReads.matchId, pair.match.id),
        after === null
          ? undefined
          : or(
              lt(pairReads.at, new Date(after[0])),
              and(eq(pairReads.at, new Date(after[0])), lt(pairReads.id, after[1])),
            ),
      ),
    )
    .orderBy(desc(pairReads.at), desc(pairReads.id))
    .limit(input.limit + 1);
  const page = pageOf(rows, input.limit, (r) => [r.at.getTime(), r.id]);
  const names = await displayNames(
    ctx.db,
    page.items.map((r) => r.readerId),
  );
  return {
    items: page.items.map((r) => {
      // Rows are written only by recordPairRead, which takes a known kind and reason.
      const reason = r.reason as ReadReason;
      return {
        id: r.id,
        matchId: r.matchId,
        kind: r.kind as ConfidentialKind,
        reason,
        reasonText: readReasons[reason],
        reader: { id: r.readerId, displayName: names.get(r.readerId) ?? null },
        at: r.at.toISOString(),
      };
    }),
    nextCursor: page.nextCursor,
  };
}
