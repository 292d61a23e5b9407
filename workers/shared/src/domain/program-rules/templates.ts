import * as v from "valibot";
import { type ApplicationForm, applicationForm } from "./application-form";
import { type ProgramRules, programRules } from "./rules";

/**
 * Starting points a coordinator picks when creating a program. Each lists only what differs
 * from the defaults; parsing fills in the rest, so a template can never drift from the schema.
 */

export interface ProgramTemplate {
  key: string;
  name: string;
  description: string;
  audience: string;
  relationshipLengthDays: number;
  rules: ProgramRules;
  applicationForm: ApplicationForm;
}

const universityPeer: ProgramTemplate = {
  key: "university-peer",
  name: "University peer mentoring",
  description:
    "Upper-year students help first-year students settle in over their first semester: " +
    "finding their way around, study habits, and knowing where to turn for help.",
  audience: "First-year students, mentored by upper-year students",
  relationshipLengthDays: 105,
  rules: v.parse(programRules, {
    meetings: { frequencyDays: 14, minMinutes: 30, format: "either" },
    checkIns: { firstDay: 14, everyDays: 28 },
    coordinatorContact: { firstMonthTouches: 2, everyDays: 30 },
    goals: { minPerMatch: 1, reviewEveryDays: 28 },
    matching: {
      mode: "coordinator",
      criteria: [
        { field: "department", weight: 8 },
        { field: "interests", weight: 6 },
        { field: "languages", weight: 4 },
      ],
      mentorCapacity: 3,
    },
    closure: { rematchWaitDays: 14 },
  }),
  applicationForm: v.parse(applicationForm, {
    profileFields: { department: "required", seniority: "required", interests: "required" },
    questions: [
      {
        id: "looking_forward",
        label: "What are you most looking forward to, or most unsure about, this semester?",
        kind: "long_text",
        required: true,
      },
      {
        id: "topics",
        label: "Which topics would you like to talk about?",
        kind: "multi_choice",
        options: [
          "Study habits",
          "Finding my way around",
          "Making friends",
          "Wellbeing",
          "Careers",
        ],
      },
    ],
  }),
};

const newHireBuddy: ProgramTemplate = {
  key: "new-hire-buddy",
  name: "New-hire buddy",
  description:
    "Each new colleague gets a buddy from outside their reporting line for their first 90 " +
    "days: weekly practical conversations about tools, people and how things get done here.",
  audience: "New employees, paired with an experienced colleague",
  relationshipLengthDays: 90,
  rules: v.parse(programRules, {
    meetings: { frequencyDays: 7, minMinutes: 30, format: "either" },
    checkIns: {
      firstDay: 14,
      everyDays: 30,
      questions: [
        {
          id: "know_who_to_ask",
          label: "Do you know who to ask when you are stuck?",
          kind: "yes_no",
        },
        { id: "settling_in", label: "How well are you settling in?", kind: "rating" },
        {
          id: "still_unclear",
          label: "What is still unclear about how things work here?",
          kind: "text",
        },
        {
          id: "want_coordinator",
          label: "Would you like someone from HR to contact you?",
          kind: "yes_no",
        },
      ],
    },
    coordinatorContact: { firstMonthTouches: 2, everyDays: 30 },
    goals: { minPerMatch: 0, reviewEveryDays: 30 },
    matching: {
      mode: "automatic",
      criteria: [
        { field: "availability", weight: 8 },
        { field: "time_zone", weight: 6 },
        { field: "interests", weight: 3 },
      ],
      hardConstraints: { noReportingLine: true, timeZoneOverlapHours: 4 },
      mentorCapacity: 1,
      acceptanceWindowDays: 2,
    },
    training: { requiredBeforeMatching: false },
    closure: { rematchWaitDays: 0 },
  }),
  applicationForm: v.parse(applicationForm, {
    profileFields: { department: "required", timeZone: "required", seniority: "hidden" },
    questions: [
      {
        id: "start_date",
        label: "When is (or was) your first day?",
        kind: "short_text",
        required: true,
      },
      {
        id: "first_questions",
        label: "What practical questions do you have about working here?",
        kind: "long_text",
      },
    ],
  }),
};

const careerMentoring: ProgramTemplate = {
  key: "career-mentoring",
  name: "Career mentoring",
  description:
    "Colleagues work with a more experienced mentor from another part of the organization " +
    "for about nine months, on goals they set together and review along the way.",
  audience: "Employees planning their next career step, mentored by senior colleagues",
  relationshipLengthDays: 270,
  rules: v.parse(programRules, {
    meetings: { frequencyDays: 28, minMinutes: 60, format: "either" },
    checkIns: { firstDay: 30, everyDays: 90 },
    coordinatorContact: { firstMonthTouches: 1, everyDays: 60 },
    goals: { minPerMatch: 2, reviewEveryDays: 60 },
    evaluations: [
      ...v.parse(programRules, {}).evaluations,
      {
        id: "six_month_follow_up",
        kind: "program",
        at: "after_end",
        daysAfterEnd: 180,
        template: {
          questions: [
            {
              id: "goals_since",
              label: "Have you kept working on the goals you set?",
              kind: "rating",
            },
            { id: "lasting_change", label: "What has lasted from your mentoring?", kind: "text" },
          ],
        },
      },
    ],
    matching: {
      mode: "mentee_chooses",
      criteria: [
        { field: "skills", weight: 8 },
        { field: "seniority", weight: 6 },
        { field: "interests", weight: 4 },
      ],
      hardConstraints: { sameDepartment: "not_allowed", noReportingLine: true },
      mentorCapacity: 2,
      acceptanceWindowDays: 5,
    },
    closure: { rematchWaitDays: 60 },
  }),
  applicationForm: v.parse(applicationForm, {
    profileFields: { skills: "required", seniority: "required", department: "required" },
    questions: [
      {
        id: "next_step",
        label: "Where would you like your career to be in two years?",
        kind: "long_text",
        required: true,
      },
      {
        id: "confidence",
        label: "How confident are you about your next step?",
        kind: "scale",
        required: true,
      },
    ],
  }),
};

/** Frozen: templates are shared by every request in an isolate, so a caller must copy first. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const programTemplates: ProgramTemplate[] = deepFreeze([
  universityPeer,
  newHireBuddy,
  careerMentoring,
]);
