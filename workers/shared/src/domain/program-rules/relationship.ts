import * as v from "valibot";
import { defaultAgenda, defaultAgreementSections, defaultCheckInQuestions } from "./defaults";
import { choice, prose, questionId, questionLabel, wholeNumber, yesNo } from "./fields";
import { answeredBy, checkInQuestionKinds, fresh, meetingFormats } from "./vocab";

/** Rules for how a pair works together: meetings, check-ins, support, goals, agreement. */

const agendaItem = v.pipe(
  v.string("Meetings: an agenda item must be text."),
  v.trim(),
  v.minLength(3, "Meetings: an agenda item needs at least 3 characters."),
  v.maxLength(120, "Meetings: an agenda item can be at most 120 characters."),
);

export const meetings = v.object({
  frequencyDays: v.optional(
    wholeNumber({
      name: "Meetings: the frequency",
      min: 1,
      max: 365,
      low: "Meetings: pairs can meet at most once a day.",
      high: "Meetings: pairs must meet at least once a year (365 days).",
    }),
    14,
  ),
  minMinutes: v.optional(
    wholeNumber({
      name: "Meetings: the minimum length",
      min: 5,
      max: 480,
      low: "Meetings: the minimum length must be at least 5 minutes.",
      high: "Meetings: the minimum length can be at most 480 minutes (8 hours).",
    }),
    30,
  ),
  format: v.optional(choice("Meetings: the format", meetingFormats), "either"),
  /** Every meeting's agenda starts from these items; the pair adds its own. */
  agenda: v.optional(
    v.pipe(
      v.array(agendaItem, "Meetings: the agenda must be a list."),
      v.minLength(1, "Meetings: give the agenda at least one item."),
      v.maxLength(10, "Meetings: keep the agenda to at most 10 items."),
    ),
    fresh(defaultAgenda),
  ),
});

const checkInQuestion = v.object({
  id: questionId("Check-ins"),
  label: questionLabel("Check-ins"),
  kind: choice("Check-ins: the answer kind", checkInQuestionKinds),
});

export const checkIns = v.object({
  firstDay: v.optional(
    wholeNumber({
      name: "Check-ins: the first check-in day",
      min: 1,
      max: 365,
      low: "Check-ins: the first check-in must come after at least 1 day.",
      high: "Check-ins: the first check-in must come within 365 days.",
    }),
    30,
  ),
  everyDays: v.optional(
    wholeNumber({
      name: "Check-ins: the interval",
      min: 7,
      max: 365,
      low: "Check-ins: leave at least 7 days between check-ins so they stay short and welcome.",
      high: "Check-ins: leave at most 365 days between check-ins.",
    }),
    60,
  ),
  questions: v.optional(
    v.pipe(
      v.array(checkInQuestion, "Check-ins: questions must be a list."),
      v.minLength(1, "Check-ins: ask at least one question."),
      v.maxLength(10, "Check-ins: ask at most 10 questions, so a check-in stays quick."),
    ),
    fresh(defaultCheckInQuestions),
  ),
  answeredBy: v.optional(choice("Check-ins: who answers", answeredBy), "both"),
});

export const coordinatorContact = v.object({
  firstMonthTouches: v.optional(
    wholeNumber({
      name: "Coordinator contact: the first-month count",
      min: 0,
      max: 8,
      low: "Coordinator contact: the first-month count cannot be negative.",
      high: "Coordinator contact: reach out at most 8 times in the first month.",
    }),
    2,
  ),
  everyDays: v.optional(
    wholeNumber({
      name: "Coordinator contact: the interval",
      min: 7,
      max: 180,
      low: "Coordinator contact: leave at least 7 days between contacts.",
      high: "Coordinator contact: reach every pair at least every 180 days.",
    }),
    30,
  ),
});

export const goals = v.object({
  minPerMatch: v.optional(
    wholeNumber({
      name: "Goals: the minimum",
      min: 0,
      max: 10,
      low: "Goals: the minimum cannot be negative.",
      high: "Goals: ask for at most 10 goals per pair.",
    }),
    1,
  ),
  reviewEveryDays: v.optional(
    wholeNumber({
      name: "Goals: the review interval",
      min: 7,
      max: 365,
      low: "Goals: leave at least 7 days between goal reviews.",
      high: "Goals: review goals at least every 365 days.",
    }),
    30,
  ),
});

const agreementSection = (title: string) => prose(`Agreement: the ${title} section`);

export const agreement = v.object({
  required: v.optional(yesNo("Agreement: required"), true),
  sections: v.optional(
    v.object({
      expectations: v.optional(
        agreementSection("expectations"),
        defaultAgreementSections.expectations,
      ),
      goals: v.optional(agreementSection("goals"), defaultAgreementSections.goals),
      timeCommitment: v.optional(
        agreementSection("time commitment"),
        defaultAgreementSections.timeCommitment,
      ),
      meetingFrequency: v.optional(
        agreementSection("meeting frequency"),
        defaultAgreementSections.meetingFrequency,
      ),
      confidentiality: v.optional(
        agreementSection("confidentiality"),
        defaultAgreementSections.confidentiality,
      ),
      boundaries: v.optional(agreementSection("boundaries"), defaultAgreementSections.boundaries),
    }),
    {},
  ),
  /** Safety and wellbeing concerns always reach coordinators; no program may turn that off. */
  safetyEscalation: v.optional(
    v.literal(
      true,
      "Agreement: safety and wellbeing concerns always go to coordinators; this cannot be " +
        "turned off.",
    ),
    true,
  ),
});
