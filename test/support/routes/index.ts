import type { RouteTable } from "../security";
import { auditRouteSpecs } from "./audit";
import { clientRouteSpecs } from "./clients";
import { enrollmentRouteSpecs } from "./enrollments";
import { meRouteSpecs, orgRoutes } from "./identity";
import { matchRequestRouteSpecs } from "./match-requests";
import { matchRouteSpecs } from "./matches";
import { matchingRouteSpecs } from "./matching";
import { memberRouteSpecs } from "./members";
import { notificationOrgRoutes, notificationRouteSpecs } from "./notifications";
import { operatorRoutes } from "./operator";
import { outboxRouteSpecs } from "./outbox";
import { programRouteSpecs } from "./programs";
import { publicRoutes } from "./public";
import { agreementRouteSpecs } from "./relationship/agreements";
import { calendarOrgRoutes, calendarRouteSpecs } from "./relationship/calendar";
import { checkInRouteSpecs } from "./relationship/check-ins";
import { commitmentRouteSpecs } from "./relationship/commitments";
import { feedbackRouteSpecs } from "./relationship/feedback";
import { goalRouteSpecs } from "./relationship/goals";
import { meetingRouteSpecs } from "./relationship/meetings";
import { timelineRouteSpecs } from "./relationship/timeline";
import { reminderRouteSpecs } from "./reminders";
import { closureRouteSpecs } from "./stewardship/closure";
import { concernRouteSpecs } from "./stewardship/concerns";
import { evaluationRouteSpecs } from "./stewardship/evaluations";
import { healthSignalRouteSpecs } from "./stewardship/health-signal";
import { pairReadRouteSpecs } from "./stewardship/pair-reads";
import { programCoordinatorRouteSpecs } from "./stewardship/program-coordinators";
import { supportRouteSpecs } from "./stewardship/support";
import { trainingRouteSpecs } from "./training";
import { webhookRouteSpecs } from "./webhooks";

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
    ...reminderRouteSpecs,
    ...webhookRouteSpecs,
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
    ...supportRouteSpecs,
    ...healthSignalRouteSpecs,
    ...evaluationRouteSpecs,
    ...closureRouteSpecs,
    ...notificationRouteSpecs,
  ],
  org: [...orgRoutes, ...calendarOrgRoutes, ...notificationOrgRoutes],
  public: publicRoutes,
  operator: operatorRoutes,
};
