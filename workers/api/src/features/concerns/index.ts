/** Safety and wellbeing concerns a pair's people raise, and how coordinators handle them. */
export { concernsRoutes, myConcernsRoutes, programConcernsRoutes } from "./routes";
