import { eq } from "drizzle-orm";
import { agreementVersions, members } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type {
  AgreementView,
  MyAgreementInput,
} from "../../../../shared/src/contracts/relationship/agreements";
import {
  type AgreementEntries,
  agreementEntryKeys,
} from "../../../../shared/src/contracts/relationship/stored-shapes";
import { isUniqueViolation } from "../../../../shared/src/platform/db";
import type { TenantCtx } from "../../http/app-env";
import { auditInsert } from "../audit";
import { openPair, partnerOf, requireActive, requirePairMember } from "../pairs";
import { agreementChangedEmail } from "./emails";
import { currentAgreement } from "./read";
import { emptyEntries, programSections, versionsOf } from "./views";

export const agreementChanged = () =>
  new AppError("conflict", "The agreement changed since you read it. Read it again, then retry.");

/**
 * One of the pair writes their own part of the agreement. Every real change is a new version
 * (the other person's part copied over) that both must acknowledge again, and the other person
 * is told by email; saving the same words again changes nothing.
 */
export async function saveMyAgreement({
  ctx,
  input,
}: {
  ctx: TenantCtx;
  input: MyAgreementInput & { matchId: string };
}): Promise<AgreementView> {
  const pair = await openPair(ctx, input.matchId);
  const role = requirePairMember(pair);
  requireActive(pair);
  const [latest] = await versionsOf(ctx.db, pair.match.id).limit(1);
  const before = latest?.entries ?? emptyEntries();
  const entries = Object.fromEntries(
    agreementEntryKeys.map((key) => [key, { ...before[key], [role]: input[key] }]),
  ) as AgreementEntries;
  const changed = agreementEntryKeys.filter((key) => before[key]?.[role] !== input[key]);
  // The first save is always a version: it is what both people then acknowledge.
  if (latest && changed.length === 0) return currentAgreement(ctx.db, pair);

  const partnerId = partnerOf(pair);
  const people = await ctx.db.select().from(members).where(eq(members.id, partnerId));
  const [me] = await ctx.db.select().from(members).where(eq(members.id, pair.actorId));
  const partner = people[0];
  const id = `agv_${crypto.randomUUID().replaceAll("-", "")}`;
  const version = (latest?.version ?? 0) + 1;
  const email = partner
    ? await ctx.outbox.email(
        agreementChangedEmail({
          to: partner,
          changedBy: me?.displayName ?? "Your mentoring partner",
          orgName: ctx.tenant.name,
          programName: pair.program.name,
          version,
          link: ctx.links.program(pair.program.id),
        }),
        `agreement-version:${id}`,
      )
    : [];
  try {
    await ctx.db.batch([
      ctx.db.insert(agreementVersions).values({
        id,
        matchId: pair.match.id,
        version,
        entries,
        sections: programSections(pair),
        changedBy: pair.actorId,
        createdAt: ctx.now,
      }),
      auditInsert(ctx, {
        action: "agreement.save",
        subjectType: "match",
        subjectId: pair.match.id,
        detail: { version, role, changed },
      }),
      ...email,
    ]);
  } catch (err) {
    // Both people saved at once: the unique version number lets one win, the other retries.
    if (isUniqueViolation(err)) throw agreementChanged();
    throw err;
  }
  return currentAgreement(ctx.db, pair);
}
