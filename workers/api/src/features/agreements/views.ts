import { asc, desc, eq, inArray } from "drizzle-orm";
import { agreementAcknowledgements, agreementVersions } from "../../../../../db/tenant/schema";
import {
  type AgreementSectionKey,
  type AgreementVersionSummary,
  type AgreementView,
  agreementSectionKeys,
} from "../../../../shared/src/contracts/relationship/agreements";
import {
  type AgreementEntries,
  type AgreementEntryKey,
  agreementEntryKeys,
} from "../../../../shared/src/contracts/relationship/stored-shapes";
import { safetyNotice } from "../../../../shared/src/domain/program-rules";
import type { TenantDb } from "../../../../shared/src/platform/db";
import { displayNames } from "../matches";
import type { Pair } from "../pairs";

export type AgreementVersion = typeof agreementVersions.$inferSelect;
type Acknowledgement = typeof agreementAcknowledgements.$inferSelect;

/** Nothing written yet, by either person. */
export function emptyEntries(): AgreementEntries {
  return Object.fromEntries(
    agreementEntryKeys.map((key) => [key, { mentor: "", mentee: "" }]),
  ) as AgreementEntries;
}

/** The program's section texts as they read today: what a new version records. */
export function programSections(pair: Pair): Record<AgreementSectionKey, string> {
  const { sections } = pair.program.rules.agreement;
  return Object.fromEntries(agreementSectionKeys.map((key) => [key, sections[key]])) as Record<
    AgreementSectionKey,
    string
  >;
}

/** Every version of the pair's agreement, newest first. */
export function versionsOf(db: Pick<TenantDb, "select">, matchId: string) {
  return db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.matchId, matchId))
    .orderBy(desc(agreementVersions.version));
}

/** Who acknowledged which of these versions, in the order they did. */
export async function acknowledgementsOf(
  db: Pick<TenantDb, "select">,
  versionIds: readonly string[],
): Promise<Map<string, Acknowledgement[]>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(agreementAcknowledgements)
    .where(inArray(agreementAcknowledgements.versionId, [...versionIds]))
    .orderBy(asc(agreementAcknowledgements.at), asc(agreementAcknowledgements.memberId));
  const byVersion = new Map<string, Acknowledgement[]>();
  for (const row of rows)
    byVersion.set(row.versionId, [...(byVersion.get(row.versionId) ?? []), row]);
  return byVersion;
}

function acknowledgementViews(pair: Pair, acks: readonly Acknowledgement[]) {
  // Only the pair's two people acknowledge; anyone else's row (a former pair) is not theirs.
  const roleOf = new Map([
    [pair.mentorId, "mentor" as const],
    [pair.menteeId, "mentee" as const],
  ]);
  return acks.flatMap((a) => {
    const role = roleOf.get(a.memberId);
    return role ? [{ memberId: a.memberId, role, at: a.at.toISOString() }] : [];
  });
}

const settledBy = (acks: readonly { role: "mentor" | "mentee" }[]) =>
  acks.some((a) => a.role === "mentor") && acks.some((a) => a.role === "mentee");

export function versionSummary(
  pair: Pair,
  version: AgreementVersion,
  acks: readonly Acknowledgement[],
): AgreementVersionSummary {
  const acknowledgements = acknowledgementViews(pair, acks);
  return {
    version: version.version,
    changedBy: version.changedBy,
    savedAt: version.createdAt.toISOString(),
    settled: settledBy(acknowledgements),
    acknowledgements,
  };
}

const perPerson = (entries: AgreementEntries, role: "mentor" | "mentee") =>
  Object.fromEntries(agreementEntryKeys.map((key) => [key, entries[key]?.[role] ?? ""])) as Record<
    AgreementEntryKey,
    string
  >;

/**
 * A version as people read it, or the draft (version 0) built from the program's sections
 * while nothing is saved. The safety notice always travels with it.
 */
export async function agreementView(
  db: Pick<TenantDb, "select">,
  pair: Pair,
  saved: { version: AgreementVersion; acks: readonly Acknowledgement[]; latest: boolean } | null,
): Promise<AgreementView> {
  const names = await displayNames(db, [pair.mentorId, pair.menteeId]);
  const entries = saved?.version.entries ?? emptyEntries();
  const sections = { ...programSections(pair), ...(saved?.version.sections ?? {}) };
  const acknowledgements = acknowledgementViews(pair, saved?.acks ?? []);
  return {
    matchId: pair.match.id,
    programId: pair.program.id,
    version: saved?.version.version ?? 0,
    latest: saved?.latest ?? true,
    required: pair.program.rules.agreement.required,
    settled: settledBy(acknowledgements),
    sections: Object.fromEntries(
      agreementSectionKeys.map((key) => [key, sections[key] ?? ""]),
    ) as Record<AgreementSectionKey, string>,
    safetyNotice,
    people: {
      mentor: { memberId: pair.mentorId, displayName: names.get(pair.mentorId) ?? "" },
      mentee: { memberId: pair.menteeId, displayName: names.get(pair.menteeId) ?? "" },
    },
    entries: { mentor: perPerson(entries, "mentor"), mentee: perPerson(entries, "mentee") },
    acknowledgements,
    changedBy: saved?.version.changedBy ?? null,
    savedAt: saved?.version.createdAt.toISOString() ?? null,
  };
}
