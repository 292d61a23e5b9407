/**
 * The support log: coordinators' contacts with their pairs, when each pair is next due one
 * (the program's first-month touches, then its interval), and the pairs overdue.
 */
export { programSupportRoutes, supportContactsRoutes } from "./routes";
