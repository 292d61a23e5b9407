import * as v from "valibot";
import { timestamp } from "../common/json";
import { pageQuery } from "../common/pagination";
import { resourceId } from "../common/params";

/** A pair's timeline: one list of what happened in their relationship, and what comes next. */

export const timelineKinds = [
  "agreement_saved",
  "agreement_acknowledged",
  "meeting_proposed",
  "meeting_scheduled",
  "meeting_held",
  "meeting_cancelled",
  "meeting_missed",
  "commitment_made",
  "commitment_done",
  "check_in_due",
  "check_in_answered",
  "goal_set",
  "goal_achieved",
  "milestone_done",
  "celebration",
  "feedback_given",
  "feedback_received",
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** The records an item is about, by id, so a client can open them. */
export const timelineLinks = v.object({
  agreementVersion: v.optional(v.number()),
  meetingId: v.optional(v.string()),
  commitmentId: v.optional(v.string()),
  checkInId: v.optional(v.string()),
  goalId: v.optional(v.string()),
  milestoneId: v.optional(v.string()),
  celebrationId: v.optional(v.string()),
  feedbackId: v.optional(v.string()),
});
export type TimelineLinks = v.InferOutput<typeof timelineLinks>;

export const timelineItem = v.object({
  /** Stable across pages: the key a client lists it by. */
  id: v.string(),
  at: timestamp,
  kind: v.picklist(timelineKinds),
  title: v.string(),
  detail: v.nullable(v.string()),
  /** Who did it, when one person did. */
  by: v.nullable(v.string()),
  links: timelineLinks,
});
export type TimelineItem = v.InferOutput<typeof timelineItem>;

export const nextStepKinds = [
  "fill_in_agreement",
  "acknowledge_agreement",
  "upcoming_meeting",
  "answer_check_in",
  "commitment_due",
  "set_goal",
  "schedule_meeting",
] as const;
export type NextStepKind = (typeof nextStepKinds)[number];

/** The one thing the viewer should do next in this relationship. */
export const nextStep = v.object({
  kind: v.picklist(nextStepKinds),
  title: v.string(),
  detail: v.nullable(v.string()),
  /** When it is due or happens, if it has a time. */
  at: v.nullable(timestamp),
  links: timelineLinks,
});
export type NextStep = v.InferOutput<typeof nextStep>;

export const timelinePage = v.object({
  /** Only for the pair's two people, and only on the first page; null when nothing waits. */
  next: v.nullable(nextStep),
  items: v.array(timelineItem),
  nextCursor: v.nullable(v.string()),
});
export type TimelinePage = v.InferOutput<typeof timelinePage>;

export const timelineParam = v.object({ matchId: resourceId });
export const timelineQuery = pageQuery;
