import * as v from "valibot";
import { timestamp } from "../common/json";
import { list } from "../common/pagination";
import { resourceId } from "../common/params";
import { programRoles } from "../enrollments";
import { type AgreementEntryKey, agreementEntryKeys } from "./stored-shapes";

/** A pair's mentoring agreement: what the API answers and takes, for the API and web client. */

/** The program's own sections, in the order people read them. */
export const agreementSectionKeys = [
  "expectations",
  "goals",
  "timeCommitment",
  "meetingFrequency",
  "confidentiality",
  "boundaries",
] as const;
export type AgreementSectionKey = (typeof agreementSectionKeys)[number];

/** Longest text one person may write in one entry of the agreement. */
export const maxAgreementEntryLength = 2000;

const entryText = (key: AgreementEntryKey) =>
  v.pipe(
    v.string(`${key} must be text.`),
    v.trim(),
    v.maxLength(
      maxAgreementEntryLength,
      `${key} can be at most ${maxAgreementEntryLength} characters.`,
    ),
  );

const entriesOf = <S extends v.GenericSchema>(field: (key: AgreementEntryKey) => S) =>
  v.object(
    Object.fromEntries(agreementEntryKeys.map((key) => [key, field(key)])) as Record<
      AgreementEntryKey,
      S
    >,
  );

/** What one person writes: every entry, "" where they have nothing to add. */
export const myAgreementInput = entriesOf(entryText);
export type MyAgreementInput = v.InferOutput<typeof myAgreementInput>;

export const acknowledgeInput = v.object({
  version: v.pipe(
    v.number("version must be the version number you read."),
    v.integer("version must be a whole number."),
    v.minValue(1, "version must be at least 1."),
    v.maxValue(1_000_000, "version is too large."),
  ),
});
export type AcknowledgeInput = v.InferOutput<typeof acknowledgeInput>;

export const agreementParam = v.object({ matchId: resourceId });
/** Any text reaches the service, so a version that is not a number reads as one that is not there. */
export const agreementVersionParam = v.object({ matchId: resourceId, version: resourceId });

/* Answers */

const person = v.object({ memberId: v.string(), displayName: v.string() });
const personEntries = entriesOf(() => v.string());

export const agreementAcknowledgement = v.object({
  memberId: v.string(),
  role: v.picklist(programRoles),
  at: timestamp,
});

export const agreementView = v.object({
  matchId: v.string(),
  programId: v.string(),
  /** 0 while nothing is saved yet: a draft from the program's sections. */
  version: v.number(),
  latest: v.boolean(),
  /** Whether the program asks both people to acknowledge it before their other records. */
  required: v.boolean(),
  /** Both people acknowledged this version. */
  settled: v.boolean(),
  sections: v.object(
    Object.fromEntries(agreementSectionKeys.map((key) => [key, v.string()])) as Record<
      AgreementSectionKey,
      v.StringSchema<undefined>
    >,
  ),
  /** Shown with the confidentiality section, whatever the program wrote there. */
  safetyNotice: v.string(),
  people: v.object({ mentor: person, mentee: person }),
  entries: v.object({ mentor: personEntries, mentee: personEntries }),
  acknowledgements: v.array(agreementAcknowledgement),
  changedBy: v.nullable(v.string()),
  savedAt: v.nullable(timestamp),
});
export type AgreementView = v.InferOutput<typeof agreementView>;

export const agreementVersionSummary = v.object({
  version: v.number(),
  changedBy: v.string(),
  savedAt: timestamp,
  settled: v.boolean(),
  acknowledgements: v.array(agreementAcknowledgement),
});
export type AgreementVersionSummary = v.InferOutput<typeof agreementVersionSummary>;
export const agreementVersionList = list(agreementVersionSummary);
