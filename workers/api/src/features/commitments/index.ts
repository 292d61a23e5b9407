/**
 * Commitments: what one person of a pair promised to do, by when, ticked off when done, and
 * each person's follow-through rate.
 */

export { type PairPerson, pairPeople } from "./people";
export { commitmentsRoutes } from "./routes";
