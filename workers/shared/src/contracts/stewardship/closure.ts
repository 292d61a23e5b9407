import * as v from "valibot";
import { timestamp } from "../common/json";
import { resourceId } from "../common/params";

/** Ending a match: why, by whom, and what the closure went through. */

export const closureReasons = {
  goals_reached: "The goals were reached",
  schedule: "Time or schedules no longer allow it",
  not_a_fit: "Not a good fit",
  left_program: "Someone left the program",
  safety: "A safety or wellbeing concern",
  other: "Another reason",
} as const;
export type ClosureReason = keyof typeof closureReasons;
export const closureReasonCodes = Object.keys(closureReasons) as [
  ClosureReason,
  ...ClosureReason[],
];

export const maxClosureText = 1000;

export const closeParam = v.object({ matchId: resourceId });

export const closeInput = v.object({
  reasonCode: v.picklist(
    closureReasonCodes,
    `reasonCode must be one of ${closureReasonCodes.join(", ")}.`,
  ),
  /** In the closer's words; kept for coordinators, never sent to the other person. */
  reasonText: v.optional(
    v.pipe(
      v.string("reasonText must be text."),
      v.trim(),
      v.maxLength(maxClosureText, `reasonText can be at most ${maxClosureText} characters.`),
    ),
    "",
  ),
});
export type CloseInput = v.InferOutput<typeof closeInput>;

export const closureView = v.object({
  matchId: v.string(),
  status: v.literal("closed"),
  kind: v.picklist(["planned", "unplanned"]),
  reasonCode: v.string(),
  reasonText: v.string(),
  initiatedBy: v.string(),
  checklist: v.object({
    bothTold: v.boolean(),
    exitSurveyOffered: v.boolean(),
    procedureShown: v.boolean(),
    contactPolicyShown: v.boolean(),
  }),
  startedAt: timestamp,
  closedAt: timestamp,
});
export type ClosureView = v.InferOutput<typeof closureView>;
