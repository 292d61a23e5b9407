import type { RouteTable } from "../security";
import { agreementRouteSpecs } from "./agreements";
import { auditRouteSpecs } from "./audit";
import { calendarOrgRoutes, calendarRouteSpecs } from "./calendar";
import { checkInRouteSpecs } from "./check-ins";
import { clientRouteSpecs } from "./clients";
import { commitmentRouteSpecs } from "./commitments";
import { concernRouteSpecs } from "./concerns";
import { enrollmentRouteSpecs } from "./enrollments";
import { feedbackRouteSpecs } from "./feedback";
import { goalRouteSpecs } from "./goals";
import { meRouteSpecs, orgRoutes } from "./identity";
import { matchRequestRouteSpecs } from "./match-requests";
import { matchRouteSpecs } from "./matches";
import { matchingRouteSpecs } from "./matching";
import { meetingRouteSpecs } from "./meetings";
import { memberRouteSpecs } from "./members";
import { operatorRoutes } from "./operator";
import { outboxRouteSpecs } from "./outbox";
import { pairReadRouteSpecs } from "./pair-reads";
import { programCoordinatorRouteSpecs } from "./program-coordinators";
import { programRouteSpecs } from "./programs";
import { publicRoutes } from "./public";
import { timelineRouteSpecs } from "./timeline";
import { trainingRouteSpecs } from "./training";

/**
 * Every route of the API, for the security suite (test/support/security/). A route
 * added to the app without a row here fails "the route table" check: add its row with a valid
 * body, who may call it and what it changes, and every security check then covers it.
 */

export const routeTable: RouteTable = {
  authenticated: [
    ...meRouteSpecs,
    ...memberRouteSpecs,
    ...clientRouteSpecs,
    ...auditRouteSpecs,
    ...programRouteSpecs,
    ...enrollmentRouteSpecs,
    ...trainingRouteSpecs,
    ...matchRouteSpecs,
    ...matchRequestRouteSpecs,
    ...matchingRouteSpecs,
    ...outboxRouteSpecs,
    ...agreementRouteSpecs,
    ...timelineRouteSpecs,
    ...commitmentRouteSpecs,
    ...checkInRouteSpecs,
    ...goalRouteSpecs,
    ...feedbackRouteSpecs,
    ...meetingRouteSpecs,
    ...calendarRouteSpecs,
    ...concernRouteSpecs,
    ...pairReadRouteSpecs,
    ...programCoordinatorRouteSpecs,
  ],
  org: [...orgRoutes, ...calendarOrgRoutes],
  public: publicRoutes,
  operator: operatorRoutes,
};
