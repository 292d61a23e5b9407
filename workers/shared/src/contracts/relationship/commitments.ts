import * as v from "valibot";
import { isCalendarDay } from "../../domain/check-in-periods";
import { timestamp } from "../common/json";
import { resourceId } from "../common/params";

/** A pair's commitments: what one of them promised to do, by when, and whether they did. */

export const commitmentOwners = ["mentor", "mentee"] as const;
export type CommitmentOwner = (typeof commitmentOwners)[number];

export const pairParam = v.object({ matchId: resourceId });
export const commitmentParam = v.object({ ...pairParam.entries, id: resourceId });

const commitmentText = v.pipe(
  v.string("text must be text."),
  v.trim(),
  v.nonEmpty("Say what will be done."),
  v.maxLength(500, "text must be at most 500 characters."),
);

/** A calendar day, YYYY-MM-DD, in the owner's time zone. */
const dueOn = v.pipe(
  v.string("dueOn must be a date (YYYY-MM-DD)."),
  v.check(isCalendarDay, "dueOn must be a real date (YYYY-MM-DD)."),
);

export const commitmentInput = v.object({
  text: commitmentText,
  owner: v.picklist(commitmentOwners, 'owner must be "mentor" or "mentee".'),
  dueOn,
  /** The meeting it was agreed in, if any: a meeting of the same pair. */
  meetingId: v.optional(resourceId),
});
export type CommitmentInput = v.InferOutput<typeof commitmentInput>;

export const commitmentChange = v.pipe(
  v.object({ text: v.optional(commitmentText), dueOn: v.optional(dueOn) }),
  v.check(
    (change) => change.text !== undefined || change.dueOn !== undefined,
    "Give a new text or a new dueOn.",
  ),
);
export type CommitmentChange = v.InferOutput<typeof commitmentChange>;

export const commitmentView = v.object({
  id: v.string(),
  matchId: v.string(),
  meetingId: v.nullable(v.string()),
  text: v.string(),
  owner: v.picklist(commitmentOwners),
  ownerId: v.string(),
  dueOn: v.string(),
  done: v.boolean(),
  doneAt: v.nullable(timestamp),
  /** Done on or before its day (in the owner's time zone); null while open. */
  doneOnTime: v.nullable(v.boolean()),
  /** Still open after its day. */
  overdue: v.boolean(),
  createdBy: v.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type CommitmentView = v.InferOutput<typeof commitmentView>;

/**
 * One person's follow-through: of the commitments that count so far (done, or past their
 * day), how many were done on or before their day. `rate` is null while none count.
 */
export const followThroughView = v.object({
  memberId: v.string(),
  role: v.picklist(commitmentOwners),
  displayName: v.string(),
  counted: v.number(),
  doneOnTime: v.number(),
  rate: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
});
export type FollowThroughView = v.InferOutput<typeof followThroughView>;

/** Open commitments first (soonest due first), then done ones (latest first). */
export const commitmentList = v.object({
  items: v.array(commitmentView),
  followThrough: v.array(followThroughView),
});
export type CommitmentList = v.InferOutput<typeof commitmentList>;
