import { pairReads } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { ConfidentialKind } from "../../../../shared/src/contracts/stewardship/pair-reads";
import {
  type ReadReason,
  readReasons,
} from "../../../../shared/src/contracts/stewardship/stored-shapes";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import type { Pair } from "./open";

export type { ConfidentialKind };

const reasonList = Object.keys(readReasons).join(", ");

/** The `Read-Reason` header as a known reason, or a 400 that lists them. */
export function readReasonOf(header: string | undefined): ReadReason {
  if (header && Object.hasOwn(readReasons, header)) return header as ReadReason;
  throw new AppError(
    "validation",
    `Say why you open this pair's confidential records: send a Read-Reason header, one of ${reasonList}.`,
  );
}

/**
 * A coordinator (or integration) reading a pair's confidential records says why, and the read
 * is kept: in the pair's reads, which its members can see, and in the audit log. The pair's
 * own people read their records without a trace. Call it before answering.
 */
export async function recordPairRead(
  ctx: TenantCtx,
  pair: Pair,
  kind: ConfidentialKind,
  reasonHeader: string | undefined,
): Promise<void> {
  if (pair.seat === "mentor" || pair.seat === "mentee") return;
  const reason = readReasonOf(reasonHeader);
  await ctx.db.batch([
    ctx.db.insert(pairReads).values({
      id: `read_${crypto.randomUUID().replaceAll("-", "")}`,
      matchId: pair.match.id,
      readerId: pair.actorId,
      kind,
      reason,
      at: ctx.now,
    }),
    auditInsert(ctx, {
      action: "pair.read",
      subjectType: "match",
      subjectId: pair.match.id,
      detail: { kind, reason },
    }),
  ]);
}
