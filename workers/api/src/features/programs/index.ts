/** Programs and their rules: templates, versions, lifecycle. */
export { findProgram, type Program } from "./queries";
export { programsRoutes, programTemplatesRoutes } from "./routes";
