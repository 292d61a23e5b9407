// What the rule editor calls each rule and each choice, in a coordinator's words.
import { humanize } from "./words";

/**
 * Labels in a coordinator's words, by the value's path in the rules (list items as "*").
 * A key missing here falls back to its humanized name, so new rules still get a label.
 */
const LABELS: Record<string, string> = {
  "meetings.frequencyDays": "Pairs meet every (days)",
  "meetings.minMinutes": "Shortest meeting that counts (minutes)",
  "meetings.format": "Where pairs meet",
  "checkIns.firstDay": "First check-in, days after the match starts",
  "checkIns.everyDays": "Then a check-in every (days)",
  "checkIns.questions": "Check-in questions",
  "checkIns.answeredBy": "Who answers the check-in",
  "coordinatorContact.firstMonthTouches": "Times you reach out in the first month",
  "coordinatorContact.everyDays": "After that, reach out every (days)",
  "goals.minPerMatch": "Goals each pair sets, at least",
  "goals.reviewEveryDays": "Review goals every (days)",
  "agreement.required": "Pairs acknowledge a written agreement",
  "agreement.sections": "What the agreement says",
  "matching.enabled": "Propose new matches",
  "matching.mode": "Who makes the matches",
  "matching.criteria": "What makes a good pair",
  "matching.hardConstraints": "What every match must respect",
  "matching.hardConstraints.sameDepartment": "Mentor and mentee from the same department",
  "matching.hardConstraints.timeZoneOverlapHours": "Waking hours a pair must share (hours)",
  "matching.hardConstraints.noReportingLine": "Never pair someone with their manager or report",
  "matching.mentorCapacity": "Mentees one mentor can have at once",
  "matching.acceptanceWindowDays": "Days a mentor has to accept a match",
  "training.requiredBeforeMatching": "Required training is done before matching",
  "reminders.channels": "Send reminders by",
  "reminders.leadTimeHours": "Send reminders ahead of time (hours)",
  "reminders.quietHours": "Quiet hours, when no reminder is sent",
  "reminders.quietHours.start": "Quiet hours from",
  "reminders.quietHours.end": "Quiet hours until",
  "reminders.escalateAfterDaysOverdue": "Tell a coordinator after this many days overdue",
  "closure.plannedProcedure": "When a relationship ends as planned",
  "closure.unplannedProcedure": "When a relationship ends early",
  "closure.exitSurvey": "Ask both for an exit survey",
  "closure.rematchWaitDays": "Wait before a new match (days)",
  "closure.postClosureContactPolicy": "Contact after the relationship ends",
  "evaluations.*.at": "When it is sent",
  "evaluations.*.daysAfterEnd": "Days after the end",
  "evaluations.*.template": "Questions asked",
  "checkIns.questions.*.label": "Question",
  "checkIns.questions.*.kind": "Answer",
  "evaluations.*.template.questions.*.label": "Question",
  "evaluations.*.template.questions.*.kind": "Answer",
  "matching.criteria.*.field": "Criterion",
};

/** The label for the value at this path, or its humanized key. */
export function labelFor(path: (string | number)[], name: string): string {
  const key = path.map((p) => (typeof p === "number" ? "*" : p)).join(".");
  return LABELS[key] ?? humanize(name);
}

/** Rules that are fixed for every program: shown as what they do, never as a control. */
const FIXED: Record<string, string> = {
  "agreement.safetyEscalation":
    "Always on: a concern about someone's safety or wellbeing goes to the coordinators, " +
    "whatever the agreement says about confidentiality.",
};

export const fixedRule = (path: (string | number)[]) => FIXED[path.join(".")];

const OPTIONS: Record<string, string> = {
  yes_no: "Yes or no",
  nps: "0 to 10 (would recommend)",
  rating: "Rating from 1 to 5",
  scale: "Scale from 1 to 5",
  in_app: "In the app",
  webhook: "Webhook (coordinators' reminders, posted to chat)",
  in_person: "In person",
  either: "In person or by video",
  video: "By video",
  not_allowed: "Never",
  allowed: "Allowed",
  after_end: "After the end",
  midpoint: "Half way",
  end: "At the end",
  mentee_chooses: "Mentees choose their mentor",
  coordinator: "A coordinator",
  automatic: "Tandem, automatically",
  both: "Mentor and mentee",
  time_zone: "Time zone",
  multi_choice: "Several choices",
  choice: "One choice",
  short_text: "Short text",
  long_text: "Long text",
};

/** Words for the values of a choice: "yes_no" → "Yes or no"; others humanized. */
export const optionLabel = (value: string) => OPTIONS[value] ?? humanize(value);

/** Text this long is prose (a procedure, an agreement section): it gets a text area. */
export const isProse = (maxLength: number | undefined) => (maxLength ?? 0) >= 1000;
