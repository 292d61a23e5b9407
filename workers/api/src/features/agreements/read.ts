import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  AgreementVersionSummary,
  AgreementView,
} from "../../../../shared/src/contracts/relationship/agreements";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { accessOf, openPair, type Pair } from "../pairs";
import { acknowledgementsOf, agreementView, versionSummary, versionsOf } from "./views";

/** The pair, for a caller the visibility table lets read its agreement. */
export async function openAgreement(ctx: TenantCtx, matchId: string): Promise<Pair> {
  const pair = await openPair(ctx, matchId);
  if (accessOf(ctx, pair, "agreement", null) === "none") {
    throw new AppError("forbidden", "You may not read this pair's agreement.");
  }
  return pair;
}

/** The agreement as it stands: its latest version, or the program's draft while none is saved. */
export async function getAgreement({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<AgreementView> {
  return currentAgreement(ctx.db, await openAgreement(ctx, input.matchId));
}

/** The latest version's view, or the draft. */
export async function currentAgreement(
  db: Pick<TenantDb, "select">,
  pair: Pair,
): Promise<AgreementView> {
  const [latest] = await versionsOf(db, pair.match.id).limit(1);
  if (!latest) return agreementView(db, pair, null);
  const acks = (await acknowledgementsOf(db, [latest.id])).get(latest.id) ?? [];
  return agreementView(db, pair, { version: latest, acks, latest: true });
}

/** Every saved version, newest first, with who acknowledged each. */
export async function listAgreementVersions({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string };
}): Promise<{ items: AgreementVersionSummary[] }> {
  const pair = await openAgreement(ctx, input.matchId);
  const versions = await versionsOf(ctx.db, pair.match.id);
  const acks = await acknowledgementsOf(
    ctx.db,
    versions.map((v) => v.id),
  );
  return { items: versions.map((v) => versionSummary(pair, v, acks.get(v.id) ?? [])) };
}

/** One saved version as it read then: its own section texts, entries and acknowledgements. */
export async function getAgreementVersion({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: { matchId: string; version: string };
}): Promise<AgreementView> {
  const pair = await openAgreement(ctx, input.matchId);
  const versions = await versionsOf(ctx.db, pair.match.id);
  const wanted = /^[1-9][0-9]{0,6}$/.test(input.version) ? Number(input.version) : null;
  const found = versions.find((v) => v.version === wanted);
  if (!found) {
    throw new AppError("not_found", "This agreement has no such version.");
  }
  const acks = (await acknowledgementsOf(ctx.db, [found.id])).get(found.id) ?? [];
  return agreementView(ctx.db, pair, { version: found, acks, latest: found === versions[0] });
}
