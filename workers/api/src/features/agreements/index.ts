/**
 * A pair's mentoring agreement: drafted from the program's sections, filled in by both,
 * acknowledged by both, every version kept. Where the program requires it, the pair's other
 * records wait for it (`requireAgreement`).
 */
export { agreementSettled, latestAgreement, requireAgreement } from "./lock";
export { agreementRoutes } from "./routes";
