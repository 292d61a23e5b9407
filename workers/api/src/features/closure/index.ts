/**
 * How a match ends: closed by either of the pair or a coordinator, or wrapped up when its
 * planned time is up (the sweep), with the other person told kindly and the exit survey due.
 */
export { closureRoutes } from "./routes";
