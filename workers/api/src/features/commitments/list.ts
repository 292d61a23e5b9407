import type { CommitmentList } from "../../../../shared/src/contracts/relationship/commitments";
import type { TenantCtx } from "../../http/app-env";
import { requireAgreement } from "../agreements";
import { openPair } from "../pairs";
import { commitmentList } from "./views";

/** The pair, its coordinators and integrations with meetings:read read a pair's commitments. */
export async function listCommitments({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<CommitmentList> {
  const pair = await openPair(ctx, input.matchId);
  await requireAgreement(ctx.db, pair);
  return commitmentList(ctx, pair);
}
