/**
 * Program coordinators: the admins assigned to a program. While it has any, only they open
 * its pairs (features/pairs) and handle its coordinator tasks, and coordinators' emails go to
 * them; with none, every admin does.
 */
export {
  coordinatesProgram,
  coordinatorsToTell,
  requireProgramCoordinator,
} from "./queries";
export { programCoordinatorsRoutes } from "./routes";
