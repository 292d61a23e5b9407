import * as v from "valibot";
import { defaultClosure } from "./defaults";
import { choice, clockTime, prose, wholeNumber, yesNo } from "./fields";
import { criterionFields, matchingModes, mustWeight, reminderChannels } from "./vocab";

/** Rules for how the program runs around the pairs: matching, training, reminders, closure. */

const criterion = v.object({
  field: choice("Matching: a criterion", criterionFields),
  weight: wholeNumber({
    name: "Matching: a criterion's weight",
    min: 1,
    max: mustWeight,
    low: "Matching: a criterion's weight must be at least 1.",
    high: `Matching: a criterion's weight can be at most ${mustWeight} (a must).`,
  }),
});

const hardConstraints = v.object({
  sameDepartment: v.optional(
    choice("Matching: same department", ["allowed", "not_allowed"] as const),
    "allowed",
  ),
  timeZoneOverlapHours: v.optional(
    wholeNumber({
      name: "Matching: the time-zone overlap",
      min: 0,
      max: 12,
      low: "Matching: the time-zone overlap cannot be negative.",
      high: "Matching: the time-zone overlap can be at most 12 hours.",
    }),
    0,
  ),
  noReportingLine: v.optional(yesNo("Matching: no reporting line"), true),
});

export const matching = v.object({
  /** Off pauses new matches without touching the pairs that already exist. */
  enabled: v.optional(yesNo("Matching: enabled"), true),
  mode: v.optional(choice("Matching: the mode", matchingModes), "coordinator"),
  criteria: v.optional(
    v.pipe(
      v.array(criterion, "Matching: criteria must be a list."),
      v.maxLength(criterionFields.length, "Matching: use each criterion at most once."),
    ),
    () => [
      { field: "interests" as const, weight: 7 },
      { field: "availability" as const, weight: 5 },
    ],
  ),
  hardConstraints: v.optional(hardConstraints, {}),
  mentorCapacity: v.optional(
    wholeNumber({
      name: "Matching: the mentor capacity",
      min: 0,
      max: 20,
      low: "Matching: the mentor capacity cannot be negative.",
      high: "Matching: a mentor can take at most 20 mentees at once.",
    }),
    2,
  ),
  acceptanceWindowDays: v.optional(
    wholeNumber({
      name: "Matching: the acceptance window",
      min: 1,
      max: 30,
      low: "Matching: give mentors at least 1 day to accept a match.",
      high: "Matching: the acceptance window can be at most 30 days.",
    }),
    3,
  ),
});

export const training = v.object({
  requiredBeforeMatching: v.optional(yesNo("Training: required before matching"), true),
});

export const reminders = v.object({
  channels: v.optional(
    v.pipe(
      v.array(
        choice("Reminders: a channel", reminderChannels),
        "Reminders: channels must be a list.",
      ),
      v.minLength(1, "Reminders: choose at least one channel."),
      v.check(
        (channels) => new Set(channels).size === channels.length,
        "Reminders: list each channel once.",
      ),
    ),
    () => ["email" as const, "in_app" as const],
  ),
  leadTimeHours: v.optional(
    wholeNumber({
      name: "Reminders: the lead time",
      min: 1,
      max: 168,
      low: "Reminders: send reminders at least 1 hour ahead.",
      high: "Reminders: send reminders at most 168 hours (a week) ahead.",
    }),
    24,
  ),
  quietHours: v.optional(
    v.object({
      start: v.optional(clockTime("Reminders: the start of quiet hours"), "21:00"),
      end: v.optional(clockTime("Reminders: the end of quiet hours"), "08:00"),
    }),
    {},
  ),
  escalateAfterDaysOverdue: v.optional(
    wholeNumber({
      name: "Reminders: the escalation delay",
      min: 1,
      max: 60,
      low: "Reminders: escalate to a coordinator after at least 1 day overdue.",
      high: "Reminders: escalate to a coordinator within 60 days overdue.",
    }),
    7,
  ),
});

export const closure = v.object({
  plannedProcedure: v.optional(
    prose("Closure: the planned-ending procedure"),
    defaultClosure.plannedProcedure,
  ),
  unplannedProcedure: v.optional(
    prose("Closure: the early-ending procedure"),
    defaultClosure.unplannedProcedure,
  ),
  exitSurvey: v.optional(yesNo("Closure: exit survey"), true),
  rematchWaitDays: v.optional(
    wholeNumber({
      name: "Closure: the rematch wait",
      min: 0,
      max: 365,
      low: "Closure: the rematch wait cannot be negative.",
      high: "Closure: the rematch wait can be at most 365 days.",
    }),
    30,
  ),
  postClosureContactPolicy: v.optional(
    prose("Closure: the after-closure contact policy"),
    defaultClosure.postClosureContactPolicy,
  ),
});
