/** The organization's people: invitations (one, bulk, first admin), roles, deactivation. */
export { invitationRoutes } from "./invitation-routes";
export { inviteFirstAdmin } from "./invitations";
export { membersRoutes } from "./routes";
