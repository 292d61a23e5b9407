import type { RouteSpec } from "./security-suite";

/** Security-suite rows of the program routes (/v1/programs, /v1/program-templates). */
export const programRouteSpecs: RouteSpec[] = [];
