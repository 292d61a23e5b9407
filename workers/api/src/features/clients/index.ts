/** Integration clients: registered public keys, scopes, key rotation and revocation. */
export { clientsRoutes } from "./routes";
