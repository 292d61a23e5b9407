import * as v from "valibot";
import { timestamp } from "../common/json";
import { list, page, pageQuery } from "../common/pagination";
import { programParam, resourceId } from "../common/params";

/** A pair's goals and milestones, their celebrations and the program's wall. */

export const goalStatuses = ["active", "achieved", "dropped"] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** How much a pair keeps at once: enough for any real plan, bounded for the screen. */
export const maxGoalsPerMatch = 30;
export const maxMilestonesPerGoal = 20;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
/** Runs even when the pattern failed (valibot checks on), so it must not throw then. */
const realDate = (text: string) => {
  if (!datePattern.test(text)) return true;
  const [y, m, d] = text.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toISOString().slice(0, 10) === text;
};

/** A calendar day, YYYY-MM-DD, as the pair names it. */
export const calendarDay = (field: string) =>
  v.pipe(
    v.string(`${field} must be a date (YYYY-MM-DD).`),
    v.regex(datePattern, `${field} must be a date (YYYY-MM-DD).`),
    v.check(realDate, `${field} is not a real calendar date.`),
  );

const words = (field: string, max: number) =>
  v.pipe(
    v.string(`${field} must be text.`),
    v.trim(),
    v.maxLength(max, `${field} can be at most ${max} characters.`),
  );
const title = (field: string) => v.pipe(words(field, 200), v.nonEmpty(`${field} is required.`));

/* Inputs */

export const milestoneInput = v.object({
  title: title("Milestone title"),
  dueOn: v.optional(calendarDay("Milestone due date")),
});
export type MilestoneInput = v.InferOutput<typeof milestoneInput>;

export const goalInput = v.object({
  title: title("Goal title"),
  /** How the pair will know the goal is reached. */
  measure: v.optional(words("Measure", 1000)),
  targetOn: v.optional(calendarDay("Target date")),
  milestones: v.optional(
    v.pipe(
      v.array(milestoneInput, "milestones must be a list."),
      v.maxLength(maxMilestonesPerGoal, `A goal holds at most ${maxMilestonesPerGoal} milestones.`),
    ),
  ),
});
export type GoalInput = v.InferOutput<typeof goalInput>;

/** A change of what the goal says; null clears the measure or the target date. */
export const goalChange = v.pipe(
  v.object({
    title: v.optional(title("Goal title")),
    measure: v.optional(v.nullable(words("Measure", 1000))),
    targetOn: v.optional(v.nullable(calendarDay("Target date"))),
  }),
  v.check(
    (change) => Object.keys(change).length > 0,
    "Change at least one of title, measure or targetOn.",
  ),
);
export type GoalChange = v.InferOutput<typeof goalChange>;

const progress = v.pipe(
  v.number("Progress must be a number."),
  v.integer("Progress must be a whole number."),
  v.minValue(0, "Progress must be between 0 and 100."),
  v.maxValue(100, "Progress must be between 0 and 100."),
);

export const progressInput = v.object({
  progress,
  note: v.optional(words("Note", 2000), ""),
});
export type ProgressInput = v.InferOutput<typeof progressInput>;

/** A review looks back on the goal in words; the progress may move with it. */
export const reviewInput = v.object({
  note: v.pipe(words("Review note", 2000), v.nonEmpty("Say how the goal is going.")),
  progress: v.optional(progress),
});
export type ReviewInput = v.InferOutput<typeof reviewInput>;

export const dropInput = v.object({
  reason: v.pipe(words("Reason", 500), v.nonEmpty("Say why the goal is dropped.")),
});
export type DropInput = v.InferOutput<typeof dropInput>;

/* Params */

export const pairParam = v.object({ matchId: resourceId });
export const goalParam = v.object({ ...pairParam.entries, goalId: resourceId });
export const milestoneParam = v.object({ ...goalParam.entries, milestoneId: resourceId });
export const celebrationParam = v.object({ ...pairParam.entries, celebrationId: resourceId });
export const wallParam = v.object({ ...programParam.entries, celebrationId: resourceId });
export const wallQuery = pageQuery;

/* Answers */

export const milestoneView = v.object({
  id: v.string(),
  title: v.string(),
  dueOn: v.nullable(v.string()),
  doneAt: v.nullable(timestamp),
  position: v.number(),
});
export type MilestoneView = v.InferOutput<typeof milestoneView>;

export const goalUpdateView = v.object({
  id: v.string(),
  kind: v.picklist(["progress", "review"]),
  progress: v.nullable(v.number()),
  note: v.string(),
  createdBy: v.string(),
  createdAt: timestamp,
});

export const goalView = v.object({
  id: v.string(),
  matchId: v.string(),
  title: v.string(),
  measure: v.nullable(v.string()),
  targetOn: v.nullable(v.string()),
  status: v.picklist(goalStatuses),
  /** 0–100, from the latest progress update or review. */
  progress: v.number(),
  milestones: v.array(milestoneView),
  /** Progress updates and reviews, oldest first. */
  updates: v.array(goalUpdateView),
  lastReviewedAt: v.nullable(timestamp),
  /** Last review (or creation) plus the program's review interval; null once it is over. */
  nextReviewAt: v.nullable(timestamp),
  reviewDue: v.boolean(),
  achievedAt: v.nullable(timestamp),
  createdBy: v.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type GoalView = v.InferOutput<typeof goalView>;

export const goalList = v.object({
  items: v.array(goalView),
  /** The program's minimum number of goals per pair; active and achieved goals count. */
  minimum: v.object({ required: v.number(), set: v.number(), reached: v.boolean() }),
  reviewEveryDays: v.number(),
});
export type GoalList = v.InferOutput<typeof goalList>;

export const celebrationKinds = ["goal", "milestone"] as const;

export const celebrationView = v.object({
  id: v.string(),
  matchId: v.string(),
  programId: v.string(),
  goalId: v.string(),
  milestoneId: v.nullable(v.string()),
  kind: v.picklist(celebrationKinds),
  title: v.string(),
  /** Who put it on the program's wall; null while it stays within the pair. */
  sharedBy: v.nullable(v.string()),
  sharedAt: v.nullable(timestamp),
  congratulations: v.number(),
  createdAt: timestamp,
});
export type CelebrationView = v.InferOutput<typeof celebrationView>;
export const celebrationList = list(celebrationView);

const wallPerson = v.object({
  memberId: v.string(),
  displayName: v.string(),
  role: v.picklist(["mentor", "mentee"]),
});

/** A shared celebration as the program's participants see it. */
export const wallItem = v.object({
  id: v.string(),
  programId: v.string(),
  kind: v.picklist(celebrationKinds),
  title: v.string(),
  /** The mentor first, then the mentee. */
  pair: v.array(wallPerson),
  sharedAt: timestamp,
  congratulations: v.number(),
  congratulatedByMe: v.boolean(),
});
export type WallItem = v.InferOutput<typeof wallItem>;
export const wallPage = page(wallItem);
