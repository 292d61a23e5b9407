// In-app notifications (the bell) and members' reminder preferences, signed in or by the
// link in reminder emails. Other features import from here only.
export {
  myNotificationPreferencesRoutes,
  myNotificationsRoutes,
  preferencesByLinkRoutes,
} from "./routes";
