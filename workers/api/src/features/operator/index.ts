/** The platform operator's API: tenants, their first admins, migrations. */
export { operatorRoutes } from "./routes";
