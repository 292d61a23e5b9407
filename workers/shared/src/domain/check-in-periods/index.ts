/**
 * Check-in periods and the calendar days they are counted in: pure functions over plain
 * data with the clock passed in, shared by the API (which creates due check-ins when they are
 * read) and the scheduler (which creates them on its sweep).
 */
export { addDays, type CalendarDay, dayIn, daysBetween, isCalendarDay } from "./calendar";
export {
  type CheckInCadence,
  type CheckInPeriod,
  checkInPeriods,
  periodStatus,
} from "./periods";
