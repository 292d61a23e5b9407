import * as v from "valibot";
import { timestamp } from "../common/json";
import { page, pageQuery } from "../common/pagination";
import { resourceId } from "../common/params";
import { readReasons } from "./stored-shapes";

/**
 * Coordinators' reads of a pair's confidential records, as the pair sees them: who opened
 * what, when, and the reason they gave in the `Read-Reason` header.
 */

/** The confidential records whose reading by a coordinator is recorded. */
export const confidentialKinds = ["check_in_answers", "concerns", "evaluations"] as const;
export type ConfidentialKind = (typeof confidentialKinds)[number];

/** What each kind is, in the pair's words. */
export const confidentialKindLabels: Record<ConfidentialKind, string> = {
  check_in_answers: "Check-in answers",
  concerns: "Concerns",
  evaluations: "Evaluations",
};

const reasonKeys = Object.keys(readReasons) as [
  keyof typeof readReasons,
  ...(keyof typeof readReasons)[],
];

export const pairReadView = v.object({
  id: v.string(),
  matchId: v.string(),
  kind: v.picklist(confidentialKinds),
  /** The reason's code, as sent in the Read-Reason header. */
  reason: v.picklist(reasonKeys),
  /** The reason in words: "Following up a check-in". */
  reasonText: v.string(),
  reader: v.object({
    id: v.string(),
    /** Null when the reader is no longer a member (or was an API client). */
    displayName: v.nullable(v.string()),
  }),
  at: timestamp,
});
export type PairReadView = v.InferOutput<typeof pairReadView>;
export const pairReadPage = page(pairReadView);

/**
 * Why a coordinator opens a pair's confidential records. Required of coordinators on the
 * routes that show them (400 without it); the pair's own people need not send it.
 */
export const readReasonHeader = v.object({
  "read-reason": v.optional(
    v.pipe(
      v.picklist(reasonKeys, `Read-Reason must be one of ${reasonKeys.join(", ")}.`),
      v.description(
        `Why a coordinator opens this pair's confidential records, one of ${reasonKeys.join(", ")}. Required of coordinators (400 without it): the read is recorded with it and shown to the pair (GET /v1/matches/{matchId}/reads).`,
      ),
    ),
  ),
});

export const pairReadsParam = v.object({ matchId: resourceId });

/** Latest first, a page at a time. */
export const pairReadsQuery = pageQuery;
