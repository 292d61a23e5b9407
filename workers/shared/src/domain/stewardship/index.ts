/**
 * Coordinators' care for their pairs, as pure functions with the clock passed in: when each
 * pair is due a coordinator's contact, and how healthy each match is, with the reasons in a
 * coordinator's words and gentler ones for the pair.
 */
export {
  type ContactCadence,
  type ContactStanding,
  contactStanding,
  firstMonthDays,
  firstMonthDueDays,
  nextContactDue,
} from "./contact-schedule";
export {
  agreementGraceDays,
  bySeverity,
  type HealthFacts,
  type HealthReasonCode,
  type HealthSignal,
  healthReasonCodes,
  levelOf,
  matchHealth,
} from "./health";
