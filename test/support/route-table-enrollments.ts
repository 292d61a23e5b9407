import type { RouteSpec } from "./security-suite";

/** Security-suite rows of enrollment and training routes. */
export const enrollmentRouteSpecs: RouteSpec[] = [];
