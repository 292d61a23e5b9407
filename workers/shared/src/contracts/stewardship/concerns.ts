import * as v from "valibot";
import { timestamp } from "../common/json";
import { list, page, pageQuery } from "../common/pagination";
import { programParam, resourceId } from "../common/params";

/**
 * Safety and wellbeing concerns one person of a pair raises with the program's coordinators.
 * The partner never sees them; the raiser sees their status and its resolution, never the
 * coordinators' handling notes.
 */

export const concernUrgencies = ["low", "normal", "urgent"] as const;
export type ConcernUrgency = (typeof concernUrgencies)[number];
export const concernStatuses = ["open", "acknowledged", "resolved"] as const;
export type ConcernStatus = (typeof concernStatuses)[number];

export const maxConcernText = 4000;
export const maxConcernNote = 4000;
export const maxConcernResolution = 2000;

const words = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be text.`),
    v.trim(),
    v.nonEmpty(`${field} is required.`),
    v.maxLength(max, `${field} can be at most ${max} characters.`),
  );

export const raiseConcernInput = v.object({
  whatHappened: words("whatHappened", maxConcernText),
  urgency: v.picklist(concernUrgencies, 'urgency must be "low", "normal" or "urgent".'),
  /** Whether the raiser would like a coordinator to get in touch. */
  wantsContact: v.boolean("wantsContact must be true or false."),
});
export type RaiseConcernInput = v.InferOutput<typeof raiseConcernInput>;

export const concernNoteInput = v.object({ text: words("text", maxConcernNote) });
export const resolveConcernInput = v.object({
  /** What the raiser is told: it is emailed to them and shown with their concern. */
  resolution: words("resolution", maxConcernResolution),
});

export const concernsMatchParam = v.object({ matchId: resourceId });
export const concernParam = v.object({ matchId: resourceId, concernId: resourceId });
export const programConcernsParam = programParam;
export const programConcernsQuery = v.object({
  ...pageQuery.entries,
  status: v.optional(
    v.picklist(concernStatuses, 'status must be "open", "acknowledged" or "resolved".'),
  ),
});

export const concernNoteView = v.object({
  id: v.string(),
  authorId: v.string(),
  text: v.string(),
  createdAt: timestamp,
});

/** How coordinators handled a concern: null for the member who raised it. */
export const concernHandling = v.object({
  acknowledgedBy: v.nullable(v.string()),
  resolvedBy: v.nullable(v.string()),
  notes: v.array(concernNoteView),
});

export const concernView = v.object({
  id: v.string(),
  matchId: v.string(),
  programId: v.string(),
  raisedBy: v.string(),
  raisedAs: v.picklist(["mentor", "mentee"]),
  urgency: v.picklist(concernUrgencies),
  whatHappened: v.string(),
  wantsContact: v.boolean(),
  status: v.picklist(concernStatuses),
  acknowledgedAt: v.nullable(timestamp),
  resolvedAt: v.nullable(timestamp),
  resolution: v.nullable(v.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
  handling: v.nullable(concernHandling),
});
export type ConcernView = v.InferOutput<typeof concernView>;

export const concernList = list(concernView);
export type ConcernList = v.InferOutput<typeof concernList>;

/**
 * A program's concern queue: who raised one, how urgent, where it stands. Never what
 * happened: a coordinator reads that in the match's concerns, saying why (Read-Reason).
 */
export const concernSummary = v.object({
  id: v.string(),
  matchId: v.string(),
  programId: v.string(),
  raisedBy: v.object({
    memberId: v.string(),
    role: v.picklist(["mentor", "mentee"]),
    displayName: v.string(),
  }),
  urgency: v.picklist(concernUrgencies),
  wantsContact: v.boolean(),
  status: v.picklist(concernStatuses),
  createdAt: timestamp,
  acknowledgedAt: v.nullable(timestamp),
  resolvedAt: v.nullable(timestamp),
});
export type ConcernSummary = v.InferOutput<typeof concernSummary>;
export const concernSummaryPage = page(concernSummary);
