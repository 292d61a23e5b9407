/**
 * Program rules: the schema coordinators edit, its defaults, the checks for contradictions,
 * a plain-language summary, the application form with its answers schema, and templates.
 */
export { type Answer, type Answers, answersSchema } from "./answers";
export {
  type ApplicationForm,
  type ApplicationFormInput,
  type ApplicationQuestion,
  applicationForm,
  applicationQuestionKinds,
  defaultApplicationForm,
  fieldVisibilities,
  type ProfileFieldName,
  profileFieldNames,
} from "./application-form";
export { type ProgramShape, programLengthDays, rulesProblems } from "./checks";
export { safetyNotice } from "./defaults";
export {
  datesProblem,
  mergeRules,
  parseApplicationForm,
  type RulesCheck,
  resolveRules,
} from "./resolve";
export {
  defaultRules,
  type Evaluation,
  type MatchingCriterion,
  type ProgramRules,
  type ProgramRulesInput,
  programRules,
} from "./rules";
export { summarizeRules } from "./summary";
export { type ProgramTemplate, programTemplates } from "./templates";
export {
  answeredBy,
  checkInQuestionKinds,
  criterionFields,
  evaluationKinds,
  evaluationMoments,
  evaluationQuestionKinds,
  matchingModes,
  meetingFormats,
  mustWeight,
  type ReminderChannel,
  reminderChannels,
} from "./vocab";
