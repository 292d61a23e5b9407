import { agreementAcknowledgements } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  AcknowledgeInput,
  AgreementView,
} from "../../../../shared/src/contracts/relationship/agreements";
import { isUniqueViolation } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { openPair, requireActive, requirePairMember } from "../pairs";
import { currentAgreement } from "./read";
import { agreementChanged } from "./save";
import { acknowledgementsOf, versionsOf } from "./views";

/**
 * One of the pair acknowledges the version they read. Only the latest counts: an older number
 * means someone changed it meanwhile, and they should read it again. Twice changes nothing.
 */
export async function acknowledgeAgreement({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: AcknowledgeInput & { matchId: string };
}): Promise<AgreementView> {
  const pair = await openPair(ctx, input.matchId);
  const role = requirePairMember(pair);
  requireActive(pair);
  const versions = await versionsOf(ctx.db, pair.match.id);
  const latest = versions[0];
  if (!latest) {
    throw new AppError(
      "conflict",
      "Nothing to acknowledge yet: save your part of the agreement first (it may stay empty).",
    );
  }
  if (input.version !== latest.version) {
    if (versions.some((v) => v.version === input.version)) throw agreementChanged();
    throw new AppError("not_found", `This agreement has no version ${input.version}.`);
  }
  const acks = (await acknowledgementsOf(ctx.db, [latest.id])).get(latest.id) ?? [];
  if (!acks.some((a) => a.memberId === pair.actorId)) {
    try {
      await ctx.db.batch([
        ctx.db
          .insert(agreementAcknowledgements)
          .values({ versionId: latest.id, memberId: pair.actorId, at: ctx.now }),
        auditInsert(ctx, {
          action: "agreement.acknowledge",
          subjectType: "match",
          subjectId: pair.match.id,
          detail: { version: latest.version, role },
        }),
      ]);
    } catch (err) {
      // The same person's second tap arrived first: acknowledged either way.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  return currentAgreement(ctx.db, pair);
}
