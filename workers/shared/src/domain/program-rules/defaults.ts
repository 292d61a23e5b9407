/**
 * Default wording for prompts, agreement sections and procedures. Written for Tandem, drawing
 * on what the source articles say builds trust: clear expectations agreed early, listening,
 * confidentiality with safety as its limit, reliability, two-way feedback, celebrating
 * progress and letting the mentee lead.
 */

/** Always part of an agreement, whatever a program's own confidentiality text says. */
export const safetyNotice =
  "Confidentiality has one limit: a concern about anyone's safety or wellbeing is always " +
  "passed to the program's coordinators, who will follow it up.";

export const defaultAgreementSections = {
  expectations:
    "We both come prepared, speak honestly and kindly, and say early when something is not " +
    "working. The mentor offers perspective and questions rather than instructions; the " +
    "mentee decides what to work on and makes their own choices.",
  goals:
    "In our first two meetings we agree on at least one goal, record it in Tandem and look " +
    "at it again regularly, changing it when our circumstances change.",
  timeCommitment:
    "We protect the time we set aside for each other for the whole program, answer " +
    "check-ins when they arrive, and give as much notice as we can when we must move a meeting.",
  meetingFrequency:
    "We meet as often as the program asks, at times that suit us both, and reschedule " +
    "instead of skipping when something comes up.",
  confidentiality:
    "What we talk about stays between us unless we both agree to share it. The exception is " +
    "a worry about someone's safety or wellbeing: that always goes to a coordinator.",
  boundaries:
    "We agree how and when we contact each other and which topics are off-limits, and we " +
    "respect those limits. Either of us can talk to a coordinator or ask to end the match " +
    "at any time.",
};

/** What every meeting's agenda starts from: the four questions of a good check-in. */
export const defaultAgenda = [
  "Recent challenges",
  "Accomplishments since we last met",
  "Next goals",
  "Commitments from last time",
] as const;

export const defaultClosure = {
  plannedProcedure:
    "In the final meeting, look back at the goals you set, celebrate what changed and talk " +
    "about what comes next. Both of you then answer the exit survey and the coordinator " +
    "closes the match.",
  unplannedProcedure:
    "Either person may ask a coordinator to end the match at any time, without owing the " +
    "other a reason. The coordinator speaks with each person privately, closes the match " +
    "and offers a new one when the person is ready.",
  postClosureContactPolicy:
    "Once the match has closed, keeping in touch is welcome when both people want it; it is " +
    "a personal choice and no longer part of the program.",
};

export const defaultCheckInQuestions = [
  { id: "met_as_agreed", label: "Have you met as often as your agreement says?", kind: "yes_no" },
  {
    id: "feel_heard",
    label: "How well do you feel listened to in your conversations?",
    kind: "rating",
  },
  { id: "goal_progress", label: "How is progress toward your current goal?", kind: "rating" },
  {
    id: "worth_celebrating",
    label: "What, big or small, is worth celebrating since the last check-in?",
    kind: "text",
  },
  { id: "want_coordinator", label: "Would you like a coordinator to contact you?", kind: "yes_no" },
] as const;

export const defaultEvaluations = [
  {
    id: "midpoint_check",
    kind: "relationship",
    at: "midpoint",
    template: {
      questions: [
        { id: "speak_openly", label: "How comfortable are you speaking openly?", kind: "rating" },
        {
          id: "follow_through",
          label: "How reliably do you both show up and do what you agreed?",
          kind: "rating",
        },
        {
          id: "goal_progress",
          label: "How much progress have you made toward your goals?",
          kind: "rating",
        },
        {
          id: "second_half",
          label: "What is working well, and what would you change for the second half?",
          kind: "text",
        },
      ],
    },
  },
  {
    id: "program_end",
    kind: "program",
    at: "end",
    template: {
      questions: [
        {
          id: "recommend",
          label: "How likely are you to recommend this program to a friend or colleague?",
          kind: "nps",
        },
        { id: "goals_reached", label: "How far did you reach the goals you set?", kind: "rating" },
        {
          id: "growth",
          label: "How much did you grow in skills, confidence or direction?",
          kind: "rating",
        },
        {
          id: "coordinator_support",
          label: "How well did the coordinators support your pair?",
          kind: "rating",
        },
        {
          id: "one_change",
          label: "What one change would make this program better for the next group?",
          kind: "text",
        },
      ],
    },
  },
] as const;
