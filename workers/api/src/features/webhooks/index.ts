// Webhook targets: where the organization's coordinator reminders are posted (Slack, Teams).
export { webhookRoutes } from "./routes";
