import { desc, eq, inArray } from "drizzle-orm";
import { agreementAcknowledgements, agreementVersions } from "../../../../../db/tenant/schema";
import { AppError } from "../../../../shared/src/contracts/common/errors";
import type { TenantDb } from "../../../../shared/src/platform/db";
import type { Pair } from "../pairs";

/** The latest agreement version of a match, if any, and who acknowledged it. */
export async function latestAgreement(db: Pick<TenantDb, "select">, matchId: string) {
  const [latest] = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.matchId, matchId))
    .orderBy(desc(agreementVersions.version))
    .limit(1);
  if (!latest) return null;
  const acks = await db
    .select()
    .from(agreementAcknowledgements)
    .where(inArray(agreementAcknowledgements.versionId, [latest.id]));
  return { version: latest, acknowledgedBy: acks.map((a) => a.memberId) };
}

/** Whether both people acknowledged the latest version of their agreement. */
export async function agreementSettled(db: Pick<TenantDb, "select">, pair: Pair): Promise<boolean> {
  const latest = await latestAgreement(db, pair.match.id);
  if (!latest) return false;
  const by = new Set(latest.acknowledgedBy);
  return by.has(pair.mentorId) && by.has(pair.menteeId);
}

/**
 * Where the program requires an agreement, a pair's commitments, check-ins, goals and
 * feedback wait until both people acknowledged its latest version (meetings and concerns
 * never wait). Coordinators and integrations read regardless.
 */
export async function requireAgreement(db: Pick<TenantDb, "select">, pair: Pair): Promise<void> {
  if (!pair.program.rules.agreement.required) return;
  if (pair.seat === "coordinator" || pair.seat === "integration") return;
  if (await agreementSettled(db, pair)) return;
  throw new AppError(
    "conflict",
    "This program asks both of you to acknowledge your mentoring agreement first. Open the " +
      "agreement, fill in your part and acknowledge it; meetings are open meanwhile.",
  );
}
