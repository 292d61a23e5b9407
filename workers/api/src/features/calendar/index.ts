/**
 * Members' calendar feeds: a secret address per member, shown once and stored as a hash,
 * that calendar apps poll for the member's meetings (iCalendar, stable UIDs).
 */
export { calendarFeedRoutes, myCalendarFeedRoutes } from "./routes";
