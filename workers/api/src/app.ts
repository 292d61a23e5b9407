import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../shared/src/contracts/common/errors";
import { openApiDocumentAnswer } from "../../shared/src/contracts/health";
import type { Platform } from "../../shared/src/platform/platform";
import { agreementRoutes } from "./features/agreements";
import { auditRoutes } from "./features/audit";
import { calendarFeedRoutes, myCalendarFeedRoutes } from "./features/calendar";
import { celebrationsRoutes, wallRoutes } from "./features/celebrations";
import { checkInsRoutes, coordinatorTasksRoutes, myCheckInsRoutes } from "./features/check-ins";
import { clientsRoutes } from "./features/clients";
import { closureRoutes } from "./features/closure";
import { commitmentsRoutes } from "./features/commitments";
import { concernsRoutes, myConcernsRoutes, programConcernsRoutes } from "./features/concerns";
import { enrollmentsRoutes, myEnrollmentsRoutes } from "./features/enrollments";
import {
  evaluationSummaryRoutes,
  evaluationsRoutes,
  myEvaluationsRoutes,
} from "./features/evaluations";
import { feedbackRoutes } from "./features/feedback";
import { goalsRoutes } from "./features/goals";
import { healthRoutes } from "./features/health";
import { matchHealthRoutes, needsAttentionRoutes } from "./features/health-signal";
import { authRoutes, meRoutes } from "./features/identity";
import { matchRequestsRoutes, myMatchRequestsRoutes } from "./features/match-requests";
import { matchesRoutes, myMatchesRoutes } from "./features/matches";
import { matchingRoutes } from "./features/matching";
import { meetingsRoutes } from "./features/meetings";
import { invitationRoutes, membersRoutes } from "./features/members";
import {
  myNotificationPreferencesRoutes,
  myNotificationsRoutes,
  preferencesByLinkRoutes,
} from "./features/notifications";
import { operatorRoutes } from "./features/operator";
import { deliverWrittenOutbox, outboxRoutes } from "./features/outbox";
import { pairReadsRoutes } from "./features/pairs";
import { programCoordinatorsRoutes } from "./features/program-coordinators";
import { programsRoutes, programTemplatesRoutes } from "./features/programs";
import { remindersRoutes } from "./features/reminders";
import { programSupportRoutes, supportContactsRoutes } from "./features/support";
import { timelineRoutes } from "./features/timeline";
import { trainingRoutes } from "./features/training";
import { webhookRoutes } from "./features/webhooks";
import type { AppEnv } from "./http/app-env";
import { apiPaths, noRoute } from "./http/no-route";
import { openApiPath, openApiRoute } from "./http/openapi";
import { onError, problemResponse } from "./http/problem";
import { responds } from "./http/responds";
import { operatorAuth } from "./middleware/operator-auth";
import { orgBySlug } from "./middleware/org-by-slug";
import { requestFrame } from "./middleware/request-frame";
import { tenantContext } from "./middleware/tenant-context";

export const maxBodyBytes = 1024 * 1024;

/** The whole API, for whichever host provides the platform. */
export function createApp(platform: Platform) {
  const app = apiRoutes(platform);
  app.onError(onError);
  app.notFound((c) =>
    problemResponse(
      "not_found",
      404,
      `No route for ${c.req.method} ${c.req.path}.`,
      c.get("requestId"),
    ),
  );
  return app;
}

/**
 * The API's middleware and routes without an error handler: a host that serves them beside
 * routes of its own (the Node host's web client) sets `onError` once on the app it serves.
 * Hono wraps each route of a mounted app that has its own error handler in one more dispatch,
 * which on the Node host ran for every middleware of every request.
 */
export function apiRoutes(platform: Platform) {
  const app = new Hono<AppEnv>();
  app.use(requestFrame(platform));
  // Only where a body can arrive: reading c.req.raw.body on a GET makes the Node adapter build
  // a full Request per call, a measurable cost on the hottest routes.
  app.on(
    ["POST", "PUT", "PATCH", "DELETE"],
    "*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new AppError(
          "payload_too_large",
          `Request bodies are limited to ${maxBodyBytes} bytes.`,
        );
      },
    }),
  );

  app.route("/", healthRoutes);
  app.get(openApiPath, responds(200, openApiDocumentAnswer), openApiRoute(app));

  // Unauthenticated entry points name the organization by slug. Registered before the
  // authenticated router so its token check never runs for them.
  const org = new Hono<AppEnv>();
  org.use(orgBySlug());
  org.use(deliverWrittenOutbox());
  org.route("/auth", authRoutes);
  org.route("/auth/invitations", invitationRoutes);
  org.route("/calendar", calendarFeedRoutes);
  org.route("/notification-preferences", preferencesByLinkRoutes);
  app.route("/v1/orgs/:slug", org);

  const v1 = new Hono<AppEnv>();
  v1.use(tenantContext());
  v1.use(deliverWrittenOutbox());
  v1.route("/me", meRoutes);
  v1.route("/me/enrollments", myEnrollmentsRoutes);
  v1.route("/me/matches", myMatchesRoutes);
  v1.route("/me/calendar-feed", myCalendarFeedRoutes);
  v1.route("/me", myMatchRequestsRoutes);
  v1.route("/me/check-ins", myCheckInsRoutes);
  v1.route("/me/concerns", myConcernsRoutes);
  v1.route("/me/evaluations", myEvaluationsRoutes);
  v1.route("/me/notifications", myNotificationsRoutes);
  v1.route("/me/notification-preferences", myNotificationPreferencesRoutes);
  v1.route("/program-templates", programTemplatesRoutes);
  v1.route("/programs", programsRoutes);
  v1.route("/programs/:programId/enrollments", enrollmentsRoutes);
  v1.route("/programs/:programId/training", trainingRoutes);
  v1.route("/programs/:programId/matches", matchesRoutes);
  v1.route("/programs/:programId/match-requests", matchRequestsRoutes);
  v1.route("/programs/:programId/matching", matchingRoutes);
  v1.route("/matches/:matchId/agreement", agreementRoutes);
  v1.route("/matches/:matchId/timeline", timelineRoutes);
  v1.route("/programs/:programId/coordinator-tasks", coordinatorTasksRoutes);
  v1.route("/matches/:matchId/commitments", commitmentsRoutes);
  v1.route("/matches/:matchId/check-ins", checkInsRoutes);
  v1.route("/matches/:matchId/reads", pairReadsRoutes);
  v1.route("/programs/:programId/coordinators", programCoordinatorsRoutes);
  v1.route("/programs/:programId/wall", wallRoutes);
  v1.route("/matches/:matchId/goals", goalsRoutes);
  v1.route("/matches/:matchId/celebrations", celebrationsRoutes);
  v1.route("/matches/:matchId/feedback", feedbackRoutes);
  v1.route("/matches/:matchId/meetings", meetingsRoutes);
  v1.route("/matches/:matchId/concerns", concernsRoutes);
  v1.route("/programs/:programId/concerns", programConcernsRoutes);
  v1.route("/matches/:matchId/support-contacts", supportContactsRoutes);
  v1.route("/programs/:programId/support", programSupportRoutes);
  v1.route("/programs/:programId/reminders", remindersRoutes);
  v1.route("/matches/:matchId/health", matchHealthRoutes);
  v1.route("/programs/:programId/needs-attention", needsAttentionRoutes);
  v1.route("/matches/:matchId/evaluations", evaluationsRoutes);
  v1.route("/programs/:programId/evaluations", evaluationSummaryRoutes);
  v1.route("/matches/:matchId/close", closureRoutes);
  v1.route("/members", membersRoutes);
  v1.route("/clients", clientsRoutes);
  v1.route("/audit", auditRoutes);
  v1.route("/outbox", outboxRoutes);
  v1.route("/webhook-targets", webhookRoutes);
  app.route("/v1", v1);

  const operator = new Hono<AppEnv>();
  operator.use(operatorAuth());
  operator.route("/", operatorRoutes);
  app.route("/operator/v1", operator);

  // Last: on the Node host the web app answers every path the API leaves, so the API's own
  // paths must never fall through to it.
  const answerNoRoute = noRoute(app);
  for (const path of apiPaths) app.all(path, answerNoRoute);

  return app;
}

export type App = ReturnType<typeof createApp>;
